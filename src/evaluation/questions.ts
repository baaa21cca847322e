import { readFile } from "node:fs/promises";
import { z } from "zod";

export const evalQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  doc: z.string().nullable(),
  evidence: z.array(z.string()).default([]),
  answer_keywords: z.array(z.string()).default([]),
  kind: z.string(),
  difficulty: z.string().optional(),
});

export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

export async function readQuestions(file: string): Promise<EvalQuestion[]> {
  const lines = (await readFile(file, "utf8")).split("\n").filter((l) => l.trim() !== "");
  return lines.map((line, i) => {
    try {
      return evalQuestionSchema.parse(JSON.parse(line));
    } catch (error) {
      throw new Error(`${file}:${i + 1}: ongeldige vraag (${(error as Error).message.split("\n")[0]})`);
    }
  });
}
