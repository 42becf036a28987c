package org.w3id.claimgraph.project;

/**
 * One reason the graph does not build: where (a file with line and column, or a file and a node) and
 * what. Printed like a compiler message so editors can jump to it.
 */
public record BuildProblem(String file, long line, long column, String node, String message) {

    public static BuildProblem at(String file, long line, long column, String message) {
        return new BuildProblem(file, line, column, null, message);
    }

    public static BuildProblem inFile(String file, String message) {
        return new BuildProblem(file, -1, -1, null, message);
    }

    public static BuildProblem forNode(String file, String node, String message) {
        return new BuildProblem(file, -1, -1, node, message);
    }

    public BuildProblem withLine(long newLine, long newColumn) {
        return new BuildProblem(file, newLine, newColumn, node, message);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<graph>" : file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        sb.append(": ");
        if (node != null) sb.append('<').append(node).append(">: ");
        return sb.append(message).toString();
    }
}
