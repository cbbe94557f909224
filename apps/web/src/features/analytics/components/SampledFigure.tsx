import type { ReactNode } from 'react';
import { plural } from '../analytics-copy';

type SampledFigureProps = {
  enough: boolean;
  sample: number;
  /** The figure's threshold and what it counts: 5 and "shared candidate". */
  threshold: number;
  noun: string;
  /** The same in a word, for the short note under the figure: "candidate". */
  shortNoun?: string;
  children: ReactNode;
};

/**
 * A figure that needs enough data to mean something. Below its threshold it is greyed with a short
 * note ("only 3 candidates"), and the threshold itself is in its tooltip and read to screen readers.
 */
export function SampledFigure({ enough, sample, threshold, noun, shortNoun = noun, children }: SampledFigureProps) {
  if (enough) return <span className="sampled">{children}</span>;
  const why = `Too little data: needs at least ${plural(threshold, noun)}`;
  return (
    <span className="sampled sampled--thin" title={`${why}, has ${sample}.`} data-enough="false">
      <span className="sampled__value">{children}</span>
      <span className="sampled__why" aria-hidden="true">
        only {plural(sample, shortNoun)}
      </span>
      <span className="visually-hidden">
        . {why}, has {sample}.
      </span>
    </span>
  );
}
