package io.tousu.reporting.rest;

import io.tousu.reporting.domain.IndicatorComparison;
import io.tousu.reporting.domain.MonthlyTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The monthly monitoring table as CSV and as an Excel workbook, with Chinese and English headers.
 * Undefined figures are empty cells. The table holds counts and rates only, no personal data.
 */
final class MonthlyTableExport {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The columns: bilingual header and the cell of a row. */
    private record Column(String header, Function<IndicatorComparison, Object> cell) {
    }

    private static List<Column> columns(MonthlyTable t) {
        return List.of(
                new Column("代码 Code", c -> c.indicator().name()),
                new Column("指标 Indicator (中文)", c -> c.indicator().nameZh()),
                new Column("Indicator (English)", c -> c.indicator().nameEn()),
                new Column("单位 Unit", c -> c.indicator().unit().nameZh() + " " + c.indicator().unit().nameEn()),
                new Column("关键指标 Key", c -> c.indicator().key() ? "是 yes" : "否 no"),
                new Column("本月 " + t.month() + " Current", c -> c.current().value()),
                new Column("上月 " + t.previousMonth() + " Previous", c -> c.previous().value()),
                new Column("差值 Difference", IndicatorComparison::difference),
                new Column("环比 Change %", IndicatorComparison::change),
                new Column("分子 Numerator", c -> c.current().numerator()),
                new Column("分母 Denominator", c -> c.current().denominator()));
    }

    private MonthlyTableExport() {
    }

    /** UTF-8 CSV (RFC 4180) with a byte-order mark so that spreadsheet programs read the Chinese text. */
    static String csv(MonthlyTable t) {
        List<Column> columns = columns(t);
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(columns.stream().map(c -> quote(c.header())).collect(Collectors.joining(","))).append("\r\n");
        for (IndicatorComparison row : t.rows()) {
            out.append(columns.stream().map(c -> quote(text(c.cell().apply(row)))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString();
    }

    /** An .xlsx workbook of one sheet named after the province and month; numbers are numeric cells. */
    static byte[] xlsx(MonthlyTable t) {
        List<Column> columns = columns(t);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Tousu", "1.0");
            Worksheet sheet = workbook.newWorksheet(t.province() + " " + t.month());
            sheet.value(0, 0, "关键投诉指标监控表 Key complaint indicators — " + t.province() + " " + t.month()
                    + " (" + t.zone().getId() + ")");
            for (int c = 0; c < columns.size(); c++) {
                sheet.value(1, c, columns.get(c).header());
                sheet.style(1, c).bold().set();
            }
            int r = 2;
            for (IndicatorComparison row : t.rows()) {
                for (int c = 0; c < columns.size(); c++) {
                    Object value = columns.get(c).cell().apply(row);
                    if (value instanceof BigDecimal d) {
                        sheet.value(r, c, d);
                        sheet.style(r, c).format(d.scale() > 0 ? "0.00" : "0").set();
                    } else if (value instanceof Number n) {
                        sheet.value(r, c, n);
                    } else if (value != null) {
                        sheet.value(r, c, value.toString());
                    }
                }
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook", e);
        }
        return bytes.toByteArray();
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
