import { randomUUID } from "node:crypto";

/**
 * A short id that keeps one test run's users and keys apart from another's. It starts with a letter
 * and holds at most seven hex digits in a row, so no id built from it can look like a phone number
 * or a BSN: the web chat refuses such ids ("user: gebruik geen persoonsgegevens als id"), and eight
 * random hex digits did so about once in 500 runs (all digits, passing the elfproef or starting with 0).
 * Its digits always follow a letter or digit, so in capitals it never holds a postcode either ("1234AB"
 * on its own, which a consult form refuses).
 */
export function runId(): string {
  return `r${randomUUID().slice(0, 7)}`;
}
