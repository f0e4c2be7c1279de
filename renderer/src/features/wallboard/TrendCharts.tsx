/**
 * Daily trends over the window (recharts): volume and backlog, AHT by channel
 * against its target bands, FCR and SLA compliance against their targets, CSAT.
 * A day without data is a gap, not a zero. Each chart carries a text summary
 * for screen readers (recharts' own keyboard layer walks the points);
 * animations are off (a wall screen redraws often).
 */
import type { ReactNode } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  Bar,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TrendPoint } from '../../../../core/metrics/board';

/** Points are UTC days (see core/metrics/board/days.ts): label them in UTC whatever the screen's zone. */
const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const day = (at: number) => dayLabel.format(at);
const last = <T,>(points: readonly TrendPoint[], pick: (p: TrendPoint) => T | null): T | null => {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    const v = p ? pick(p) : null;
    if (v !== null) return v;
  }
  return null;
};

interface ChartProps {
  points: readonly TrendPoint[];
}

const axis = { stroke: 'var(--muted)', tick: { fill: 'var(--muted)', fontSize: 13 } };
/** Every trend line: thick enough to read across a room; no dots, no animation (a wall screen redraws often). */
const trendLine = { strokeWidth: 3, dot: false, isAnimationActive: false } as const;
/** A target drawn across a chart as a dashed line with its label. */
const targetLine = (y: number, stroke: string, value: string) =>
  ({
    y,
    stroke,
    strokeDasharray: '6 4',
    label: { value, fill: 'var(--muted)', position: 'insideBottomLeft' },
  }) as const;
const tooltipStyle = {
  contentStyle: { background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)' },
};

function Frame({
  title,
  summary,
  days,
  children,
}: {
  title: string;
  summary: string;
  days: number;
  children: ReactNode;
}) {
  return (
    <figure className="chart" data-days={days}>
      <figcaption>{title}</figcaption>
      <p className="visually-hidden">{summary}</p>
      {/* Sized by CSS (larger in TV mode); the chart fills it. */}
      <div className="chart-body">{children}</div>
    </figure>
  );
}

export function VolumeChart({ points }: ChartProps) {
  const data = points.map((p) => ({
    day: day(p.at),
    created: p.created,
    resolved: p.resolved,
    backlog: p.backlog,
  }));
  return (
    <Frame
      days={points.length}
      title="Tickets created, resolved and backlog"
      summary={`Backlog at the end of the last day: ${last(points, (p) => p.backlog) ?? 'no data'}.`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="day" {...axis} minTickGap={16} />
          <YAxis {...axis} width={64} allowDecimals={false} />
          <Tooltip {...tooltipStyle} />
          <Legend />
          <Bar dataKey="created" name="Created" fill="var(--accent)" isAnimationActive={false} />
          <Bar dataKey="resolved" name="Resolved" fill="var(--ok)" isAnimationActive={false} />
          <Line dataKey="backlog" name="Backlog" stroke="var(--warn)" {...trendLine} />
        </ComposedChart>
      </ResponsiveContainer>
    </Frame>
  );
}

const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6_000) / 10);

export function AhtChart({ points }: ChartProps) {
  const data = points.map((p) => ({
    day: day(p.at),
    chat: minutes(p.ahtChatMs),
    phone: minutes(p.ahtPhoneMs),
  }));
  return (
    <Frame
      days={points.length}
      title="AHT by channel (minutes)"
      summary={`Targets: chat 6–12 min, phone 10–20 min. Last day: chat ${minutes(last(points, (p) => p.ahtChatMs)) ?? '—'} min, phone ${minutes(last(points, (p) => p.ahtPhoneMs)) ?? '—'} min.`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <ReferenceArea y1={6} y2={12} fill="var(--accent)" fillOpacity={0.08} ifOverflow="extendDomain" />
          <ReferenceArea y1={10} y2={20} fill="var(--ok)" fillOpacity={0.08} ifOverflow="extendDomain" />
          <XAxis dataKey="day" {...axis} minTickGap={16} />
          <YAxis {...axis} width={64} unit=" m" />
          <Tooltip {...tooltipStyle} />
          <Legend />
          <Line dataKey="chat" name="Chat (target 6–12)" stroke="var(--accent)" {...trendLine} />
          <Line dataKey="phone" name="Phone (target 10–20)" stroke="var(--ok)" {...trendLine} />
        </LineChart>
      </ResponsiveContainer>
    </Frame>
  );
}

const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export function ServiceChart({ points }: ChartProps) {
  const data = points.map((p) => ({ day: day(p.at), fcr: percent(p.fcr), sla: percent(p.sla) }));
  return (
    <Frame
      days={points.length}
      title="FCR and SLA compliance (%)"
      summary={`Targets: FCR at least 70 %, SLA at least 95 %. Last day: FCR ${percent(last(points, (p) => p.fcr)) ?? '—'} %, SLA ${percent(last(points, (p) => p.sla)) ?? '—'} %.`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="day" {...axis} minTickGap={16} />
          <YAxis {...axis} width={64} domain={[0, 100]} unit="%" />
          <ReferenceLine {...targetLine(95, 'var(--accent)', 'SLA 95')} />
          <ReferenceLine {...targetLine(70, 'var(--ok)', 'FCR 70')} />
          <Tooltip {...tooltipStyle} />
          <Legend />
          <Line dataKey="sla" name="SLA met" stroke="var(--accent)" {...trendLine} />
          <Line dataKey="fcr" name="FCR" stroke="var(--ok)" {...trendLine} />
        </LineChart>
      </ResponsiveContainer>
    </Frame>
  );
}

export function CsatChart({ points }: ChartProps) {
  const data = points.map((p) => ({
    day: day(p.at),
    csat: p.csat === null ? null : Math.round(p.csat * 100) / 100,
  }));
  return (
    <Frame
      days={points.length}
      title="CSAT (1–5)"
      summary={`Target 4.5. Last day: ${last(points, (p) => p.csat)?.toFixed(2) ?? '—'}.`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="day" {...axis} minTickGap={16} />
          <YAxis {...axis} width={64} domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} />
          <ReferenceLine {...targetLine(4.5, 'var(--ok)', 'target 4.5')} />
          <Tooltip {...tooltipStyle} />
          <Line dataKey="csat" name="CSAT" stroke="var(--accent)" {...trendLine} />
        </LineChart>
      </ResponsiveContainer>
    </Frame>
  );
}

export function TrendCharts({ points }: ChartProps) {
  return (
    <section className="charts" aria-label="Trends">
      <VolumeChart points={points} />
      <AhtChart points={points} />
      <ServiceChart points={points} />
      <CsatChart points={points} />
    </section>
  );
}
