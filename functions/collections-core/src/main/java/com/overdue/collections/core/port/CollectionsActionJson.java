package com.overdue.collections.core.port;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The message body of a {@link CollectionsAction}, the same on the SNS topic and in the local runner's actions.jsonl. */
public final class CollectionsActionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CollectionsActionJson() {
    }

    public static String write(CollectionsAction a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("actionId", a.actionId());
        n.put("action", a.action());
        n.put("loanId", a.loanId());
        n.put("borrowerId", a.borrowerId());
        n.put("stage", a.stage());
        n.put("decisionId", a.decisionId());
        n.put("businessDate", a.businessDate().toString());
        n.put("reason", a.reason());
        return n.toString();
    }
}
