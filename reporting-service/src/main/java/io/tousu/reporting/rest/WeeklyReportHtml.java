package io.tousu.reporting.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The weekly report as one self-contained HTML page: inline styles only, no script, no external
 * asset. Every text from the data is escaped.
 */
final class WeeklyReportHtml {

    private WeeklyReportHtml() {
    }

    static String render(WeeklyReportView r) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc("投诉周报 Weekly complaint report " + r.province() + " " + r.week()))
                .append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:0 0 1.5em}")
                .append("th,td{border:1px solid #bbb;padding:4px 8px;text-align:right}th{background:#eee}")
                .append("td.t,th.t{text-align:left}.up{color:#b00}.down{color:#070}h2{margin-top:1.5em}")
                .append("</style></head><body>\n");
        h.append("<h1>").append(esc("投诉周报 Weekly complaint report — " + r.province() + " " + r.week()))
                .append("</h1>\n<p>").append(esc(r.firstDay() + " – " + r.lastDay() + " (" + r.zone()
                        + "), compared with " + r.previousWeek())).append("</p>\n");

        h.append("<h2>工单量 Volumes</h2>\n<table><tr><th class=\"t\">指标 Measure</th><th>")
                .append(esc(r.week())).append("</th><th>").append(esc(r.previousWeek()))
                .append("</th><th>环比 Change %</th></tr>\n");
        for (WeeklyReportView.CountView c : r.volumes()) {
            h.append("<tr><td class=\"t\">").append(esc(c.nameZh() + " " + c.nameEn())).append("</td><td>")
                    .append(c.current()).append("</td><td>").append(c.previous()).append("</td>")
                    .append(change(c.change())).append("</tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>关键指标 Key indicators</h2>\n<table><tr><th class=\"t\">指标 Indicator</th><th>")
                .append(esc(r.week())).append("</th><th>").append(esc(r.previousWeek()))
                .append("</th><th>差值 Difference</th><th>环比 Change %</th></tr>\n");
        for (IndicatorView i : r.indicators()) {
            h.append("<tr><td class=\"t\">").append(esc(i.nameZh() + " " + i.nameEn())).append("</td><td>")
                    .append(num(i.value())).append("</td><td>").append(num(i.previous())).append("</td><td>")
                    .append(num(i.difference())).append("</td>").append(change(i.change())).append("</tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>投诉最多的类别 Top categories</h2>\n");
        if (r.topCategories().isEmpty()) {
            h.append("<p>No complaints this week.</p>\n");
        } else {
            h.append("<table><tr><th class=\"t\">类别 Category</th><th>").append(esc(r.week())).append("</th><th>")
                    .append(esc(r.previousWeek())).append("</th><th>环比 Change %</th></tr>\n");
            for (WeeklyReportView.CategoryView c : r.topCategories()) {
                h.append("<tr><td class=\"t\">").append(esc(c.category())).append("</td><td>").append(c.current())
                        .append("</td><td>").append(c.previous()).append("</td>").append(change(c.change()))
                        .append("</tr>\n");
            }
            h.append("</table>\n");
        }

        h.append("<h2>服务风险预警 Hot spots</h2>\n");
        if (r.hotSpots().isEmpty()) {
            h.append("<p>No hot spot this week.</p>\n");
        } else {
            h.append("<table><tr><th class=\"t\">Dimension</th><th class=\"t\">Key</th><th class=\"t\">Detected</th>")
                    .append("<th>Count</th><th>Baseline</th><th>Peak</th><th class=\"t\">Status</th></tr>\n");
            for (HotSpotView s : r.hotSpots()) {
                h.append("<tr><td class=\"t\">").append(esc(String.valueOf(s.dimension()))).append("</td><td class=\"t\">")
                        .append(esc(s.key())).append("</td><td class=\"t\">").append(esc(String.valueOf(s.detectedAt())))
                        .append("</td><td>").append(s.count()).append("</td><td>").append(num(s.baseline()))
                        .append("</td><td>").append(s.peakCount()).append("</td><td class=\"t\">")
                        .append(esc(s.status())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        teams(h, "最佳班组 Best teams", r.bestTeams());
        teams(h, "待改进班组 Worst teams", r.worstTeams());
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void teams(StringBuilder h, String title, List<io.tousu.reporting.domain.RankingEntry> teams) {
        h.append("<h2>").append(esc(title)).append("</h2>\n");
        if (teams.isEmpty()) {
            h.append("<p>No team ranked.</p>\n");
            return;
        }
        h.append("<table><tr><th>Rank</th><th class=\"t\">Team</th><th>Complaints</th><th>Ticket errors</th>")
                .append("<th>Error rate %</th><th>Substantiated</th><th>Staff substantiated</th></tr>\n");
        for (var t : teams) {
            h.append("<tr><td>").append(t.rank()).append("</td><td class=\"t\">").append(esc(t.member()))
                    .append("</td><td>").append(t.complaints()).append("</td><td>").append(t.ticketErrors())
                    .append("</td><td>").append(num(t.errorRate())).append("</td><td>").append(t.substantiated())
                    .append("</td><td>").append(t.staffSubstantiated()).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String change(BigDecimal change) {
        if (change == null) {
            return "<td>–</td>";
        }
        String css = change.signum() > 0 ? "up" : change.signum() < 0 ? "down" : "";
        return "<td class=\"" + css + "\">" + change.toPlainString() + "</td>";
    }

    private static String num(BigDecimal value) {
        return value == null ? "–" : value.toPlainString();
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String esc(String text) {
        String s = Objects.toString(text, "");
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
