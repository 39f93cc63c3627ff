package dev.newsharvester.athena;

import java.util.List;

/** RFC 4180 lines: every value quoted when it holds a comma, quote or line break; null as an empty field. */
final class Csv {

    private Csv() {
    }

    static String line(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values.get(i);
            if (v == null) {
                continue;
            }
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                out.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                out.append(v);
            }
        }
        return out.append("\r\n").toString();
    }
}
