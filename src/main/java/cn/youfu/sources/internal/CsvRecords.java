package cn.youfu.sources.internal;

import cn.youfu.platform.DivisionCodes;
import cn.youfu.sources.internal.SourceProblems.BadRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads an uploaded CSV (UTF-8, header row with the source's column names in any order, optional columns may be
 * left out) into rows of values in the source's column order, or refuses it: every bad row is named by its number,
 * counting the header as row 1, with the reason. All or nothing: one bad row refuses the upload.
 */
final class CsvRecords {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    private CsvRecords() {
    }

    static List<Object[]> read(SourceDefinition<?> source, byte[] body, DivisionCodes divisions,
                               SourcesSettings.Upload limits) {
        if (isBlank(body)) {
            throw SourceProblems.emptyUpload(source.name());
        }
        var rows = new ArrayList<Object[]>();
        var bad = new ArrayList<BadRow>();
        var badRowNumbers = new HashSet<Integer>();
        var keys = new HashMap<String, Integer>();
        int rowNumber = 1;
        try (MappingIterator<String[]> records = CSV.readerFor(String[].class).readValues(body)) {
            if (!records.hasNext()) {
                throw SourceProblems.emptyUpload(source.name());
            }
            int[] positions = header(source, records.next());
            while (records.hasNext()) {
                String[] record = records.next();
                rowNumber++;
                if (isEmpty(record)) {
                    continue;
                }
                if (rowNumber - 1 > limits.maxRows()) {
                    throw SourceProblems.tooManyRows(source.name(), limits.maxRows());
                }
                var errors = new ArrayList<BadRow>();
                var values = row(source, positions, record, rowNumber, divisions, errors);
                if (errors.isEmpty()) {
                    String key = source.key().stream().map(k -> String.valueOf(values.get(k)))
                            .reduce((a, b) -> a + "|" + b).orElseThrow();
                    Integer first = keys.putIfAbsent(key, rowNumber);
                    if (first != null) {
                        errors.add(new BadRow(rowNumber, String.join(",", source.key()),
                                "the same " + String.join(" and ", source.key()) + " as row " + first));
                    }
                }
                if (errors.isEmpty()) {
                    rows.add(values.values().toArray());
                } else {
                    badRowNumbers.add(rowNumber);
                    bad.addAll(errors);
                }
            }
        } catch (JacksonException e) {
            throw SourceProblems.malformed(source.name(), rowNumber + 1, e.getOriginalMessage());
        }
        if (!bad.isEmpty()) {
            throw SourceProblems.badRows(source.name(), bad.subList(0, Math.min(bad.size(), limits.maxListedRows())),
                    badRowNumbers.size());
        }
        if (rows.isEmpty()) {
            throw SourceProblems.emptyUpload(source.name());
        }
        return rows;
    }

    /** Where each of the source's columns is in the upload (-1: left out), or a refusal naming the wrong columns. */
    private static int[] header(SourceDefinition<?> source, String[] header) {
        var names = Arrays.stream(header).map(h -> h.replace("\uFEFF", "").strip()).toList();
        var expected = source.columnNames();
        var unknown = names.stream().filter(n -> !expected.contains(n)).toList();
        var seen = new HashSet<String>();
        var repeated = names.stream().filter(n -> !seen.add(n)).distinct().toList();
        var missing = source.columns().stream().filter(c -> c.required() && !names.contains(c.name()))
                .map(Column::name).toList();
        if (!unknown.isEmpty() || !missing.isEmpty() || !repeated.isEmpty()) {
            throw SourceProblems.columns(source.name(), unknown, missing, repeated, expected);
        }
        return expected.stream().mapToInt(names::indexOf).toArray();
    }

    private static Map<String, Object> row(SourceDefinition<?> source, int[] positions, String[] record,
                                           int rowNumber, DivisionCodes divisions, List<BadRow> errors) {
        int width = (int) Arrays.stream(positions).filter(p -> p >= 0).count();
        if (record.length != width) {
            errors.add(new BadRow(rowNumber, null, "the row has " + record.length + " values, the header "
                    + width + " columns"));
            return Map.of();
        }
        var values = new LinkedHashMap<String, Object>();
        for (int i = 0; i < positions.length; i++) {
            var column = source.columns().get(i);
            try {
                values.put(column.name(), column.parse(positions[i] < 0 ? null : record[positions[i]], divisions));
            } catch (IllegalArgumentException e) {
                errors.add(new BadRow(rowNumber, column.name(), e.getMessage()));
            }
        }
        if (errors.isEmpty()) {
            String broken = source.rowRule().apply(values);
            if (broken != null) {
                errors.add(new BadRow(rowNumber, null, broken));
            }
        }
        return values;
    }

    private static boolean isEmpty(String[] record) {
        return record.length == 0 || record.length == 1 && record[0].isBlank();
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return true;
    }
}
