namespace Retention.Metrics.Cli.Html;

internal static partial class HtmlReport
{
    private const string Css = """
        :root{color-scheme:light;--ink:#0f172a;--muted:#475569;--line:#e2e8f0;--a:#1d4ed8;--b:#0f766e;--c:#dc2626;--bar:#60a5fa}
        *{box-sizing:border-box}
        body{margin:0;background:#f8fafc;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK JP","Hiragino Sans",Meiryo,"Helvetica Neue",Arial,sans-serif}
        main{max-width:1000px;margin:0 auto;padding:24px 24px 48px}
        header{margin-bottom:8px}
        h1{font-size:28px;margin:0 0 4px}
        h2{font-size:20px;margin:0 0 6px}
        h3{font-size:16px;margin:18px 0 6px}
        .source{font-weight:600;color:var(--muted);margin:0;overflow-wrap:anywhere}
        section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:16px 0}
        section>p{color:var(--muted);margin:0 0 10px;max-width:80ch}
        figure{margin:8px 0;overflow-x:auto}
        .pair{display:grid;grid-template-columns:1fr 1fr;gap:12px}
        @media (max-width:900px){.pair{grid-template-columns:1fr}}
        svg.chart{display:block;max-width:100%;height:auto;font-size:11px;fill:var(--ink)}
        svg .axis line{stroke:#94a3b8;stroke-width:1}
        svg .axis line.grid{stroke:var(--line)}
        svg .axis text{fill:var(--muted)}
        svg .axis-title{fill:var(--ink);font-weight:600}
        svg .series-a{stroke:var(--a);stroke-width:2.2}
        svg .series-b{stroke:var(--b);stroke-width:2.2}
        svg .series-c{stroke:var(--c);stroke-width:2.2}
        svg .series-a-dot{fill:var(--a)} svg .series-b-dot{fill:var(--b)} svg .series-c-dot{fill:var(--c)}
        svg .band{fill:#93c5fd;fill-opacity:.45;stroke:none}
        svg .bar{fill:var(--bar)}
        svg .bar-label{fill:var(--ink);font-size:11px}
        svg .bar-label.inside{fill:#0b2563;font-weight:600}
        svg .legend,svg .legend text{fill:var(--ink);font-size:12px}
        svg rect.partial{fill-opacity:.45}
        svg .tile-name{fill:#fff;font-size:13px;font-weight:600}
        svg .tile-value{fill:#fff;font-size:12px}
        table{border-collapse:collapse;font-size:13px;font-variant-numeric:tabular-nums}
        caption{text-align:left;color:var(--muted);padding:4px 0}
        th,td{padding:3px 8px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
        th[scope=row],td.key{text-align:left}
        thead th{background:#f1f5f9;position:sticky;top:0}
        td.partial{font-style:italic;color:var(--muted)}
        td.key{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;max-width:28ch;overflow:hidden;text-overflow:ellipsis}
        .kpis{font-size:15px}
        .kpis caption{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
        .kpis th{font-weight:400;color:var(--muted);text-align:left;white-space:normal}
        .kpis td{font-weight:600}
        details{margin-top:8px}
        summary{cursor:pointer;color:var(--a)}
        .scroll{overflow-x:auto;max-height:480px;overflow-y:auto}
        footer{color:var(--muted);font-size:13px;margin-top:24px}
        """;
}
