import { useI18n } from '../../../i18n/I18nProvider';
import type { MapMetric } from '../../../i18n/messages';
import { MAP_METRICS } from '../charts/townshipFigures';

// A row of toggle buttons (one pressed): each reachable with Tab and announced with its state.
export function MetricSwitch({ metric, onChange }: { metric: MapMetric; onChange: (metric: MapMetric) => void }) {
  const { m } = useI18n();
  return (
    <div className="segmented" role="group" aria-label={m.trendMap.metric}>
      {MAP_METRICS.map((option) => (
        <button
          key={option}
          type="button"
          className="segmented__option"
          aria-pressed={option === metric}
          data-metric={option}
          onClick={() => onChange(option)}
        >
          {m.trendMap.metrics[option]}
        </button>
      ))}
    </div>
  );
}
