import { useId, type ReactNode } from 'react';

/**
 * The parts of the app's hand-drawn horizontal bar charts (analytics, comparison): one row per
 * item, a label on the left, a bar on a track, a value on the right. Drawn in SVG by hand rather
 * than with a chart library (ADR 007): the charts are few and simple, and a library would cost more
 * than the pages' size budget allows.
 */

/** Where one row's parts go: its top, the bar's top and the text's baseline (px). */
export function rowGeometry(index: number, rowHeight: number, barHeight: number) {
  const y = index * rowHeight;
  return { y, barY: y + (rowHeight - barHeight) / 2, textY: y + rowHeight / 2 + 4 };
}

/** A bar's length for `value` of `max` (at least 1) on a track `width` long: at least 3 px, so it shows. */
export function barLength(value: number, max: number, width: number): number {
  return Math.max(3, (value / Math.max(max, 1)) * width);
}

/** A name cut to `max` characters with an ellipsis, for a chart's labels (the table view has it whole). */
export function truncate(name: string, max: number): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

type ChartFigureProps = {
  /** The SVG's width in px (its height follows its rows). */
  width: number;
  height: number;
  /** Names the chart for tests (`data-chart`). */
  name: string;
  /** The chart in words: the SVG's accessible name, shown under it. */
  caption: ReactNode;
  /** Above the chart: a legend (hidden from assistive technology, as the caption says it all). */
  legend?: ReactNode;
  children: ReactNode;
};

/** A chart as a figure: an SVG image named by its caption, which says the same in words. */
export function ChartFigure({ width, height, name, caption, legend, children }: ChartFigureProps) {
  const captionId = useId();
  return (
    <figure className="analytics-chart">
      {legend}
      <svg
        className="analytics-chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby={captionId}
        data-chart={name}
      >
        {children}
      </svg>
      <figcaption id={captionId} className="analytics-chart__caption">
        {caption}
      </figcaption>
    </figure>
  );
}

type BarRowLayout = {
  /** Where the label ends and the track starts, and the track's length (px). */
  labelWidth: number;
  barWidth: number;
  rowHeight: number;
  barHeight: number;
};

type BarRowProps = {
  layout: BarRowLayout;
  index: number;
  label: ReactNode;
  /** The bar: a length (and its class), or the parts drawn on the track (segments). */
  bar: { length: number; className: string } | ((g: { x: number; barY: number; textY: number }) => ReactNode);
  /** Said on the track when there is nothing to draw ("no data"); the track stays empty. */
  none?: string | null;
  /** The figure right of the track. */
  value?: ReactNode;
  /** Attributes of the row's group (`data-stage`). */
  data?: Record<`data-${string}`, string>;
  /** More text in the row, at the text's baseline `textY`. */
  extra?: (textY: number) => ReactNode;
};

/** One row of a horizontal bar chart: label, track, bar (or "no data"), value. */
export function BarRow({ layout, index, label, bar, none, value, data, extra }: BarRowProps) {
  const { labelWidth, barWidth, rowHeight, barHeight } = layout;
  const { barY, textY } = rowGeometry(index, rowHeight, barHeight);
  return (
    <g {...data}>
      <text className="analytics-chart__label" x={labelWidth - 12} y={textY} textAnchor="end">
        {label}
      </text>
      {none || typeof bar !== 'function' ? (
        <rect className="analytics-chart__track" x={labelWidth} y={barY} width={barWidth} height={barHeight} rx={4} />
      ) : null}
      {none ? (
        <text className="analytics-chart__none" x={labelWidth + 10} y={textY}>
          {none}
        </text>
      ) : typeof bar === 'function' ? (
        bar({ x: labelWidth, barY, textY })
      ) : bar.length > 0 ? (
        <rect className={bar.className} x={labelWidth} y={barY} width={bar.length} height={barHeight} rx={4} />
      ) : null}
      {value === undefined || value === null ? null : (
        <text className="analytics-chart__value" x={labelWidth + barWidth + 10} y={textY}>
          {value}
        </text>
      )}
      {extra?.(textY)}
    </g>
  );
}
