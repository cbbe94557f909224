/** Placeholder: issue 21 fills this in (the private calendar feed's link). */
export function CalendarFeedSection() {
  return null;
}
