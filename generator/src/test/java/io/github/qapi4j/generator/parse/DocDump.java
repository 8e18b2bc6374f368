/*
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
package io.github.qapi4j.generator.parse;

/** Test-only: renders a {@link DocComment} like the doc part of QEMU's test dump. */
final class DocDump {

    private DocDump() {}

    /** Current harness format (qapi-test-format.md §3). */
    static String render(DocComment doc) {
        return render(doc, false);
    }

    /**
     * @param legacy the 7.2 harness: untagged sections print {@code None}, tags their word
     */
    static String render(DocComment doc, boolean legacy) {
        StringBuilder sb = new StringBuilder();
        sb.append(doc.isFreeForm() ? "doc freeform" : "doc symbol=" + doc.symbol()).append('\n');
        sb.append("    body=\n").append(doc.body().text()).append('\n');
        for (DocSection s : doc.members()) {
            sb.append("    arg=").append(s.name()).append('\n').append(s.text()).append('\n');
        }
        for (DocSection s : doc.features()) {
            sb.append("    feature=").append(s.name()).append('\n').append(s.text()).append('\n');
        }
        for (DocSection s : doc.otherSections()) {
            sb.append("    section=").append(sectionName(s, legacy)).append('\n');
            sb.append(s.text()).append('\n');
        }
        return sb.toString();
    }

    private static String sectionName(DocSection s, boolean legacy) {
        if (!legacy) {
            return s.kind() == DocSection.Kind.LEGACY_TAG ? s.name() : s.kind().dumpName();
        }
        return switch (s.kind()) {
            case PLAIN -> "None";
            case LEGACY_TAG -> s.name();
            case TODO -> "TODO";
            default -> s.kind().dumpName();
        };
    }
}
