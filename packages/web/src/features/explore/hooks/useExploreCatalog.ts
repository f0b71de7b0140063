import { useMemo } from 'react';
import { useHubQuery } from '../../../graphql/useHubQuery';
import type { ExploreCatalogQuery as CatalogData } from '../../../graphql/generated/graphql';
import type { Lang } from '../../../i18n/lang';
import { ExploreCatalogQuery } from '../graphql/savedQueries';
import type { Dataset } from '../exploreOperation';

export interface CatalogOption {
  key: string;
  label: string;
}
export interface DatasetCatalog {
  measures: CatalogOption[];
  dimensions: CatalogOption[];
}

const FIELDS: Record<Dataset, [keyof CatalogData, keyof CatalogData]> = {
  ACCIDENT: ['accidentMeasures', 'accidentDimensions'],
  ROAD_TRAFFIC: ['roadTrafficMeasures', 'roadTrafficDimensions'],
  HAZARD: ['hazardMeasures', 'hazardDimensions'],
  INSPECTION: ['inspectionMeasures', 'inspectionDimensions'],
  TRAINING: ['trainingMeasures', 'trainingDimensions'],
  CAPACITY: ['capacityMeasures', 'capacityDimensions'],
  INVESTIGATION: ['investigationMeasures', 'investigationDimensions'],
};

// The enums' descriptions are "中文 / English" (see the server's explore.enums.ts).
const labelOf = (description: string | null | undefined, key: string, lang: Lang) => {
  const [zh, en] = (description ?? '').split(' / ');
  return (lang === 'en' ? en : zh) || key;
};

/** The measures and dimensions each dataset offers, as the schema describes them, and the townships. */
export function useExploreCatalog(lang: Lang) {
  const query = useHubQuery(
    ExploreCatalogQuery,
    useMemo(() => ({}), []),
  );
  const catalog = useMemo(() => {
    const data = query.data;
    if (!data) return null;
    const options = (field: keyof CatalogData): CatalogOption[] => {
      const type = data[field] as { enumValues?: { name: string; description?: string | null }[] | null } | null;
      return (type?.enumValues ?? []).map((v) => ({ key: v.name, label: labelOf(v.description, v.name, lang) }));
    };
    const byDataset = Object.fromEntries(
      Object.entries(FIELDS).map(([dataset, [m, d]]) => [dataset, { measures: options(m), dimensions: options(d) }]),
    ) as Record<Dataset, DatasetCatalog>;
    return { byDataset, townships: data.townships };
  }, [query.data, lang]);
  return { ...query, catalog };
}
