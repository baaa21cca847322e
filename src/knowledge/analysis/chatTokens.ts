/**
 * An unknown short token is chat shorthand ("eig", "wnr", "ipv", "vlgs"), not a name or a topic:
 * `known` says whether the documents use the word (any of its analysed terms).
 */
export function isChatToken(word: string, known: boolean): boolean {
  return !known && word.length <= 4 && !/\d/.test(word);
}
