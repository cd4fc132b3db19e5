package org.standalonecredit.cli;

import picocli.CommandLine.Option;

/** Who acts on whose approval, and whether to ask first: the options of every command that moves money. */
final class OperatorOptions {
    @Option(names = "--operator", required = true, paramLabel = "ID",
            description = "Who is acting; when the configuration sets cli.operators, one of those names (else exit 16, nothing sent).")
    String operator;

    @Option(names = "--approval", required = true, paramLabel = "REF", description = "The reference of the reviewed approval for this action.")
    String approval;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;
}
