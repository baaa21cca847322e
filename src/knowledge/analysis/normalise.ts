/** Lower-case and fold diacritics, so "Suïcide" and "suicide" meet. */
export function foldText(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      // "70%" and "70 procent" are the same answer to "hoeveel procent?".
      .replace(/(\d)\s*%/g, "$1 procent")
  );
}

/** Word tokens of folded text; keeps a trailing "+" so "jz+" stays one token. */
export function wordTokens(folded: string): string[] {
  return folded.match(/[a-z0-9]+\+?/g) ?? [];
}
