package com.overdue.collections.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.overdue.collections.core.escalation.EscalationDecision;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/** The escalation part of the run summary: loans per stage, the stage flow (from → to counts), actions published. */
final class EscalationReport {

    final Map<String, Integer> loansByStage = new TreeMap<>();
    final Map<String, Integer> flow = new TreeMap<>();
    final Map<String, Integer> byStrategy = new TreeMap<>();
    final Map<String, Integer> actions = new TreeMap<>();
    int decisions;

    void loan(String stage) {
        loansByStage.merge(stage, 1, Integer::sum);
    }

    void decision(EscalationDecision d) {
        decisions++;
        flow.merge(d.from() + " -> " + d.to(), 1, Integer::sum);
        byStrategy.merge(d.strategy(), 1, Integer::sum);
    }

    void print(PrintStream out) {
        out.printf("Escalation: %d decisions (%s), actions published %s%n", decisions, byStrategy, actions);
        out.println("  stage                 loans");
        loansByStage.forEach((k, v) -> out.printf("  %-20s %6d%n", k, v));
        out.println("  stage flow (from -> to)                     decisions");
        flow.forEach((k, v) -> out.printf("  %-44s %6d%n", k, v));
    }

    void addTo(ObjectNode n) {
        ObjectNode e = n.putObject("escalation");
        e.put("decisions", decisions);
        ObjectNode stages = e.putObject("loansByStage");
        loansByStage.forEach(stages::put);
        ObjectNode f = e.putObject("stageFlow");
        flow.forEach(f::put);
        ObjectNode s = e.putObject("decisionsByStrategy");
        byStrategy.forEach(s::put);
        ObjectNode a = e.putObject("actionsPublished");
        actions.forEach(a::put);
    }

    Map<String, Integer> htmlRows() {
        Map<String, Integer> rows = new TreeMap<>();
        flow.forEach((k, v) -> rows.put(k.replace("->", "→"), v));
        return rows;
    }
}
