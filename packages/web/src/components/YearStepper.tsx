import { useI18n } from '../i18n/I18nProvider';

interface YearStepperProps {
  year: number;
  onChange: (year: number) => void;
}

// Previous/next rather than a fixed list: which years hold data is the server's business.
export function YearStepper({ year, onChange }: YearStepperProps) {
  const { m } = useI18n();
  const isCurrentYear = year >= new Date().getFullYear();
  return (
    <div className="year-stepper" role="group" aria-label={m.year.label}>
      <button
        type="button"
        className="button button--icon"
        aria-label={m.year.previous}
        onClick={() => onChange(year - 1)}
      >
        ‹
      </button>
      <output className="year-stepper__value" aria-live="polite">
        {m.year.value(year)}
      </output>
      <button
        type="button"
        className="button button--icon"
        aria-label={m.year.next}
        disabled={isCurrentYear}
        onClick={() => onChange(year + 1)}
      >
        ›
      </button>
    </div>
  );
}
