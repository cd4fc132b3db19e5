package org.standalonecredit.cli;

import picocli.CommandLine.Option;

/** Who acts on whose approval, and whether to ask first: the options of every command that moves money. */
final class OperatorOptions {
    @Option(names = "--operator", paramLabel = "ID", description = "Who is acting (required; one of cli.operators when that is set).")
    String operator;

    @Option(names = "--approval", paramLabel = "REF", description = "Reference of the reviewed approval (required).")
    String approval;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;
}
