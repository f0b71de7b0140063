// After an import or an undo the hub's records differ from what urql's document cache holds, and no
// mutation result names the changed types (the import runs in the background). Pages asked after that
// ask the server again (showing the cached answer meanwhile).
let changes = 0;

/** Says the hub's data changed (an import committed, an import undone). */
export function markDataChanged(): void {
  changes++;
}

/** Whether any change was marked in this visit. */
export function dataChanged(): boolean {
  return changes > 0;
}
