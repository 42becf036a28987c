package org.w3id.claimgraph.project;

import java.util.List;
import java.util.stream.Collectors;

/** The graph did not build or did not verify: the data has problems (exit code 1). Nothing is returned. */
public class BuildFailure extends RuntimeException {
    private final List<BuildProblem> problems;

    public BuildFailure(List<BuildProblem> problems) {
        super(problems.size() + " problem(s):\n" + problems.stream().map(BuildProblem::toString)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public BuildFailure(BuildProblem problem) {
        this(List.of(problem));
    }

    public List<BuildProblem> problems() {
        return problems;
    }
}
