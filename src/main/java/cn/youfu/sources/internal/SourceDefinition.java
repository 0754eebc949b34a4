package cn.youfu.sources.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JavaType;

/**
 * One source: its name, its table in schema {@code sources}, the columns (the upload and JSON contract), the key an
 * upload upserts by, the column a lookup reads by, and the type a lookup answers.
 *
 * @param list     whether a lookup answers every row with the lookup column's value (a list) rather than one row
 * @param rowRule  a check across the columns of one parsed row: null when it is fine, otherwise the reason
 * @param <T>      the answer's value type
 */
record SourceDefinition<T>(String name, String title, String table, List<Column> columns, List<String> key,
                           String lookup, boolean list, JavaType type,
                           Function<Map<String, Object>, String> rowRule) {

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    String qualifiedTable() {
        return "sources." + table;
    }
}
