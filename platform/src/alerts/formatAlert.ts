import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { suggestFix } from "./suggestFix.ts";

export interface AlertFacts {
  team: string | null;
  user: string | null;
  fn: string;
  model: string | null;
  error: unknown;
  /** how many alerts of this kind were held back since the last one was sent */
  suppressed?: number;
}

/** A Slack-compatible message: `text` (the fallback and notification line) and Block Kit `blocks`. */
export interface AlertMessage {
  text: string;
  blocks: Array<Record<string, unknown>>;
}

const mrkdwn = (text: string) => ({ type: "mrkdwn", text });

/** The alert for a failed client call: who, which function and model, what error, and how to fix it. */
export function formatAlert(facts: AlertFacts): AlertMessage {
  const error = facts.error;
  const code = error instanceof EnvelopeError ? `${error.code}${error.status === undefined ? "" : ` (${error.status})`}` : error instanceof Error ? error.name : "error";
  const message = error instanceof EnvelopeError ? error.message : error instanceof Error ? error.message : String(error);
  const team = facts.team ?? "unknown team";
  const user = facts.user ?? "unknown user";
  const model = facts.model ?? "-";
  const fix = suggestFix(error);
  const text = `${facts.fn} failed for ${user} (${team})${facts.model ? ` on ${facts.model}` : ""}: ${code}`;
  const blocks: Array<Record<string, unknown>> = [
    { type: "section", text: mrkdwn(`:rotating_light: *${text}*`) },
    { type: "section", fields: [mrkdwn(`*Team*\n${team}`), mrkdwn(`*User*\n${user}`), mrkdwn(`*Function*\n${facts.fn}`), mrkdwn(`*Model*\n${model}`)] },
    { type: "section", text: mrkdwn(`*Error*\n\`\`\`${message.slice(0, 2500)}\`\`\``) },
  ];
  if (fix) blocks.push({ type: "section", text: mrkdwn(`*Suggested fix*\n${fix}`) });
  if (facts.suppressed) blocks.push({ type: "context", elements: [mrkdwn(`${facts.suppressed} similar alert${facts.suppressed === 1 ? "" : "s"} held back by the rate limit`)] });
  return { text, blocks };
}
