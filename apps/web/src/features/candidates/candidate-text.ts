/** "Staff Engineer at Acme", or whichever of the two is given ("" when neither is). */
export function titleAtCompany(c: { currentTitle: string; currentCompany: string }): string {
  if (c.currentTitle && c.currentCompany) return `${c.currentTitle} at ${c.currentCompany}`;
  return c.currentTitle || c.currentCompany;
}
