import type { DeployRule, DeployRuleInput, Deployment } from "../deploy/DeployRule.ts";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { Database } from "./Database.ts";
import type { Principal } from "./Store.ts";

interface RuleRow {
  service: string;
  tags: Record<string, string>;
  port: number | null;
  team: string;
  created_by: string;
  created_at: Date | string;
  name: string | null;
  version: number | null;
  deployed_at: Date | string | null;
}

const ruleSelect = `SELECT r.service, r.tags, r.port, r.team, r.created_by, r.created_at, d.name, d.version, d.deployed_at
  FROM envelope_deploy_rules r LEFT JOIN envelope_deployments d ON d.service = r.service`;

function toRule(row: RuleRow): DeployRule {
  const tags = Object.fromEntries(Object.entries(row.tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const running = row.name === null || row.version === null ? null : { name: row.name, version: row.version, deployedAt: new Date(row.deployed_at!).toISOString() };
  return { service: row.service, tags, port: row.port, team: row.team, createdBy: row.created_by, createdAt: new Date(row.created_at).toISOString(), running };
}

/** The store's deployment rules and what each service runs, on the same SQL for PGlite and PostgreSQL. */
export function deployRuleQueries(db: Database) {
  async function ownRule(service: string, team: string): Promise<void> {
    const [row] = await db.query<{ team: string }>("SELECT team FROM envelope_deploy_rules WHERE service = $1", [service]);
    if (!row) throw new EnvelopeError("ENVELOPE_NOT_FOUND", `no deployment rule for service ${service}; expected one added with \`envelope deploy-rule add --service ${service} --tags ...\``);
    if (row.team !== team) throw new EnvelopeError("ENVELOPE_FORBIDDEN", `service ${service} belongs to team ${row.team}; team ${team} cannot change it`);
  }

  return {
    /** adds a rule, or replaces the tags and port of the caller's team's rule for that service; 403 for another team's */
    async saveRule(rule: DeployRuleInput, principal: Principal, at: string): Promise<DeployRule> {
      const saved = await db.query<{ service: string }>(
        `INSERT INTO envelope_deploy_rules (service, tags, port, team, created_by, created_at) VALUES ($1, $2::jsonb, $3, $4, $5, $6)
         ON CONFLICT (service) DO UPDATE SET tags = EXCLUDED.tags, port = EXCLUDED.port, created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at
         WHERE envelope_deploy_rules.team = EXCLUDED.team RETURNING service`,
        [rule.service, JSON.stringify(rule.tags), rule.port ?? null, principal.team, principal.user, at],
      );
      if (saved.length === 0) await ownRule(rule.service, principal.team);
      const [row] = await db.query<RuleRow>(`${ruleSelect} WHERE r.service = $1`, [rule.service]);
      return toRule(row!);
    },

    /** every rule, by service, with the model its service runs */
    async listRules(): Promise<DeployRule[]> {
      return (await db.query<RuleRow>(`${ruleSelect} ORDER BY r.service`)).map(toRule);
    },

    /** records that a service of the caller's team now runs a model version; 404 without a rule */
    async recordDeployment(service: string, model: { name: string; version: number }, team: string, at: string): Promise<Deployment> {
      await ownRule(service, team);
      await db.query(
        `INSERT INTO envelope_deployments (service, name, version, deployed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (service) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version, deployed_at = EXCLUDED.deployed_at`,
        [service, model.name, model.version, at],
      );
      return { name: model.name, version: model.version, deployedAt: new Date(at).toISOString() };
    },
  };
}
