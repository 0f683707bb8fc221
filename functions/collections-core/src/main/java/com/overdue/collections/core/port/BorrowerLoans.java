package com.overdue.collections.core.port;

import java.util.List;

/** Which loans a borrower has (ids only), so that one reminder can speak about all of them. */
public interface BorrowerLoans {
    List<String> loanIdsOf(String borrowerId);
}
