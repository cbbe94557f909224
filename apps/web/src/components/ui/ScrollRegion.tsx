import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

type ScrollRegionProps = {
  /** Names the region for screen readers once it scrolls: "Sources table". */
  label: string;
  className?: string;
  children: ReactNode;
};

/**
 * A `.table-wrap` that becomes a focusable, labelled region only while its content is wider than
 * it, so keyboard users can scroll it then, and it adds no tab stop when everything fits.
 */
export function ScrollRegion({ label, className, children }: ScrollRegionProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={className ? `table-wrap ${className}` : 'table-wrap'}
      tabIndex={scrolls ? 0 : undefined}
      role={scrolls ? 'region' : undefined}
      aria-label={scrolls ? `${label} (scrolls sideways)` : undefined}
    >
      {children}
    </div>
  );
}
