/**
 * Routing settings (admins): how work is shared (least loaded / round robin),
 * Enterprise to the account manager, skill requirements, a per-agent cap, the
 * fallback squad, and which squad owns each product area (one owner per area,
 * by construction of the form). Saved as one `routing.save` mutation through
 * the outbox — checked first with the same core rule the server runs, so a bad
 * setting is explained here instead of failing later.
 */
import { useState, type FormEvent } from 'react';
import { DEFAULT_ROUTING_RULES, ROUTING_STRATEGIES, type RoutingRules } from '../../../../core/routing';
import { applyEntityMutation, checkMutation, entityKey, type MutationArgs } from '../../../../core/sync';
import { PRODUCT_AREAS, type Squad } from '../../../../core/workspace/model';
import type { ConsoleStore } from '../../data/types';
import type { WorkspaceData } from '../../data/workspace-store';
import '../triage/triage.css';

interface Props {
  data: WorkspaceData;
  store: ConsoleStore;
  me: string;
  role: 'agent' | 'supervisor' | 'admin';
  onClose: () => void;
}

const STRATEGY_LABEL = { least_loaded: 'Least loaded', round_robin: 'Round robin' } as const;
/** The yes/no routing rules, each a checkbox. */
const RULE_FLAGS: {
  key: 'enterpriseToAccountManager' | 'requireAreaSkill' | 'requireChannelSkill';
  label: string;
}[] = [
  { key: 'enterpriseToAccountManager', label: 'Enterprise customers go to their named account manager' },
  { key: 'requireAreaSkill', label: 'Agents need the product area among their skills' },
  {
    key: 'requireChannelSkill',
    label: 'Agents need the channel (email, chat, phone, portal) among their skills',
  },
];
const areaLabel = (a: string) => a.replace(/_/g, ' ');

function rulesOf(data: WorkspaceData): RoutingRules {
  const stored = data.routingRules;
  if (!stored) return DEFAULT_ROUTING_RULES;
  const { id: _id, updatedBy: _by, updatedAt: _at, ...rules } = stored;
  return { ...DEFAULT_ROUTING_RULES, ...rules };
}

export function RoutingSettings({ data, store, me, role, onClose }: Props) {
  const squads = [...data.squads.values()].sort((a, b) => a.name.localeCompare(b.name));
  const [rules, setRules] = useState<RoutingRules>(() => rulesOf(data));
  const [names, setNames] = useState<Record<string, string>>(() =>
    Object.fromEntries(squads.map((s) => [s.id, s.name])),
  );
  const [owners, setOwners] = useState<Record<string, string>>(() =>
    Object.fromEntries(squads.flatMap((s) => s.productAreas.map((a) => [a, s.id]))),
  );
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const areas = [...new Set([...PRODUCT_AREAS, ...Object.keys(owners)])].sort();
  const set = <K extends keyof RoutingRules>(key: K, value: RoutingRules[K]) => {
    setMessage(null);
    setRules((r) => ({ ...r, [key]: value }));
  };

  if (role !== 'admin') {
    return (
      <section className="routing-settings" aria-labelledby="routing-title">
        <h2 id="routing-title">Routing settings</h2>
        <p role="alert">Only admins can change routing rules and squads.</p>
      </section>
    );
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const args: MutationArgs<'routing.save'> = {
      rules,
      squads: squads.map((s: Squad) => ({
        squadId: s.id,
        name: (names[s.id] ?? s.name).trim(),
        productAreas: areas.filter((a) => owners[a] === s.id),
      })),
    };
    const malformed = checkMutation('routing.save', args);
    if (malformed) {
      setMessage({ ok: false, text: malformed.reason });
      return;
    }
    // The server's own rule, over the rows this console holds: same verdict, said now.
    const rows = new Map(squads.map((s) => [entityKey('squad', s.id), s]));
    // Only the verdict is used, and it does not depend on the time: any `now` will do.
    const verdict = applyEntityMutation('routing.save', args, rows, {
      now: 0,
      actor: { id: me, role },
    });
    if (verdict.status === 'rejected') {
      setMessage({ ok: false, text: verdict.reason });
      return;
    }
    try {
      await store.mutate('routing.save', args, null);
      setMessage({
        ok: true,
        text: 'Saved. New tickets are routed by these rules once they reach the server.',
      });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <section className="routing-settings" aria-labelledby="routing-title">
      <h2 id="routing-title">Routing settings</h2>
      <p className="muted">
        New tickets are triaged, then sent to the squad owning their product area and to one of its agents.
      </p>
      <form onSubmit={(e) => void save(e)} noValidate>
        <div className="settings-columns">
          <div>
            <fieldset>
              <legend>Sharing work in a squad</legend>
              <label>
                Strategy{' '}
                <select
                  value={rules.strategy}
                  onChange={(e) => set('strategy', e.target.value as RoutingRules['strategy'])}
                >
                  {ROUTING_STRATEGIES.map((s) => (
                    <option key={s} value={s}>
                      {STRATEGY_LABEL[s]}
                    </option>
                  ))}
                </select>
              </label>
              {RULE_FLAGS.map(({ key, label }) => (
                <label key={key} className="check">
                  <input type="checkbox" checked={rules[key]} onChange={(e) => set(key, e.target.checked)} />
                  {label}
                </label>
              ))}
              <label>
                Most open tickets per agent (empty: no limit){' '}
                <input
                  type="number"
                  min={1}
                  max={1000}
                  value={rules.maxOpenPerAgent ?? ''}
                  onChange={(e) =>
                    set('maxOpenPerAgent', e.target.value === '' ? null : Number(e.target.value))
                  }
                />
              </label>
              <label>
                Squad for areas nobody owns{' '}
                <select
                  value={rules.fallbackSquadId ?? ''}
                  onChange={(e) => set('fallbackSquadId', e.target.value || null)}
                >
                  <option value="">None (leave for a supervisor)</option>
                  {squads.map((s) => (
                    <option key={s.id} value={s.id}>
                      {names[s.id] ?? s.name}
                    </option>
                  ))}
                </select>
              </label>
            </fieldset>
            <fieldset>
              <legend>Squads</legend>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Squad</th>
                    <th scope="col">Name</th>
                  </tr>
                </thead>
                <tbody>
                  {squads.map((s) => (
                    <tr key={s.id}>
                      <td className="muted">{s.id}</td>
                      <td>
                        <input
                          aria-label={`Name of squad ${s.id}`}
                          className="squad-name"
                          value={names[s.id] ?? ''}
                          maxLength={80}
                          onChange={(e) => setNames((n) => ({ ...n, [s.id]: e.target.value }))}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </fieldset>
          </div>
          <fieldset>
            <legend>Product areas and their owning squad</legend>
            <table>
              <tbody>
                {areas.map((area) => (
                  <tr key={area}>
                    <th scope="row">{areaLabel(area)}</th>
                    <td>
                      <select
                        aria-label={`Squad owning ${areaLabel(area)}`}
                        value={owners[area] ?? ''}
                        onChange={(e) => {
                          setMessage(null);
                          setOwners((o) => ({ ...o, [area]: e.target.value }));
                        }}
                      >
                        <option value="">Nobody (fallback squad)</option>
                        {squads.map((s) => (
                          <option key={s.id} value={s.id}>
                            {names[s.id] ?? s.name}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </fieldset>
        </div>
        <div className="settings-buttons">
          <button type="submit" className="action primary">
            Save routing
          </button>
          <button type="button" className="ghost" onClick={onClose}>
            Back to the queue
          </button>
          {message && (
            <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'settings-saved' : 'error'}>
              {message.text}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
