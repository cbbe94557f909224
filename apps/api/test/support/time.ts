/** Times the specs schedule interviews and move stages at, relative to now. */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** An ISO instant `h` hours from now (negative: in the past). */
export const hoursFromNow = (h: number): string => new Date(Date.now() + h * HOUR).toISOString();

/** An ISO instant `h` hours ago. */
export const hoursAgo = (h: number): string => hoursFromNow(-h);
