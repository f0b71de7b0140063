// Wall mode (大屏模式): the dashboard on a wall screen — dark, large type, no navigation, and data that
// refreshes itself. It lives in the URL (`?wall=1`), so a wall screen's bookmark opens straight into it.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'wouter';

export const WALL_PARAM = 'wall';
/** How often queries ask the server again in wall mode. */
export const WALL_REFRESH_MS = 5 * 60_000;

interface WallMode {
  wall: boolean;
  setWall: (on: boolean) => void;
  /** When data last arrived from the server, shown on the wall so stale figures are noticed. */
  updatedAt: Date | null;
  markUpdated: () => void;
}

const WallModeContext = createContext<WallMode | null>(null);

export function WallModeProvider({ children }: { children: ReactNode }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const wall = searchParams.get(WALL_PARAM) === '1';
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const markUpdated = useCallback(() => setUpdatedAt(new Date()), []);

  const setWall = useCallback(
    (on: boolean) => {
      setSearchParams((previous) => {
        const params = new URLSearchParams(previous);
        if (on) params.set(WALL_PARAM, '1');
        else params.delete(WALL_PARAM);
        return params;
      });
      // Full screen needs a user gesture, which this call is part of; a refusal leaves wall mode in a window.
      if (on && !document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => undefined);
      if (!on && document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
    },
    [setSearchParams],
  );

  const value = useMemo(() => ({ wall, setWall, updatedAt, markUpdated }), [wall, setWall, updatedAt, markUpdated]);
  return <WallModeContext.Provider value={value}>{children}</WallModeContext.Provider>;
}

export function useWallMode(): WallMode {
  const wallMode = useContext(WallModeContext);
  if (!wallMode) throw new Error('useWallMode must be used inside <WallModeProvider>');
  return wallMode;
}
