package com.overdue.collections.core.ledger;

import com.overdue.collections.core.product.AllocationRule;
import com.overdue.collections.core.ledger.LoanConditions.Hardship;
import com.overdue.collections.core.ledger.LoanConditions.HardshipStatus;
import com.overdue.collections.core.ledger.LoanConditions.PromiseStatus;
import com.overdue.collections.core.ledger.LoanConditions.PromiseToPay;
import com.overdue.collections.core.loan.Component;
import com.overdue.collections.core.loan.LoanTerms;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.product.PenaltyTerms;
import com.overdue.collections.core.product.Product;
import com.overdue.collections.core.product.ProductCatalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The pure rules that move a loan's position forward, per its product: days passing (credit paying installments as
 * they fall due, promises and hardship plans kept or broken, ageing paused under a plan, penalty interest accrued
 * per installment-day, the delinquency episode opening and closing) and what events do (payments allocated by the
 * product's {@link AllocationRule}, waivers, closure). The same code serves the daily steps (advance a stored
 * snapshot) and a replay from the event history, so an incremental run and a recomputation cannot disagree.
 */
public final class LoanLedger {

    private final ProductCatalog products;

    public LoanLedger(ProductCatalog products) {
        this.products = products;
    }

    public Product product(LoanTerms terms) {
        return products.product(terms.productCode());
    }

    /** The position on the disbursement date: everything scheduled, nothing paid. */
    public LoanPosition open(LoanTerms terms) {
        product(terms);
        List<InstallmentPosition> installments = terms.schedule().stream().map(InstallmentPosition::scheduled).toList();
        return new LoanPosition(terms, terms.disbursedOn(), installments, terms.zero(), null, null, null,
                LoanConditions.NONE);
    }

    /** Moves the position day by day to {@code date}; a date on or before the current one changes nothing. */
    public LoanPosition advanceTo(LoanPosition position, LocalDate date) {
        return advanceTo(position, date, accrual -> { });
    }

    /** As {@link #advanceTo(LoanPosition, LocalDate)}, reporting every penalty accrual to {@code journal}. */
    public LoanPosition advanceTo(LoanPosition position, LocalDate date, Consumer<PenaltyAccrual> journal) {
        LoanPosition p = position;
        Product product = product(position.terms());
        for (LocalDate d = position.asOf().plusDays(1); !d.isAfter(date); d = d.plusDays(1)) {
            p = startOfDay(p, d, product, journal);
        }
        return p;
    }

    /** Applies a payment received on the position's date: due installments first, the rest becomes credit. */
    public LoanPosition applyPayment(LoanPosition position, Money amount) {
        Allocation allocation = allocate(position.installments(), position.asOf(), amount,
                product(position.terms()).allocation());
        LoanPosition paid = position.with(position.asOf(), allocation.installments(),
                position.unappliedCredit().plus(allocation.unallocated()), position.dateOfFirstDelinquency(),
                position.asOf(), position.closure());
        LoanConditions c = paid.conditions();
        LocalDate today = position.asOf();
        List<PromiseToPay> promises = c.promises().stream().map(pr -> {
            if (pr.status() != PromiseStatus.ACTIVE) {
                return pr;
            }
            Money soFar = money(pr.paidSoFar(), amount).plus(amount);
            boolean kept = soFar.compareTo(money(pr.amount(), amount)) >= 0;
            return new PromiseToPay(pr.promiseId(), pr.madeOn(), pr.amount(), pr.promisedDate(), pr.holdUntil(),
                    soFar.toPlainString(), kept ? PromiseStatus.KEPT : PromiseStatus.ACTIVE, kept ? today : null);
        }).toList();
        List<Hardship> hardships = c.hardships().stream().map(h -> {
            if (!h.isActive() || h.plan().isEmpty()) {
                return h;
            }
            Money soFar = money(h.paidSoFar(), amount).plus(amount);
            Money total = h.plan().stream().map(pp -> money(pp.amount(), amount)).reduce(amount.minus(amount),
                    Money::plus);
            boolean done = soFar.compareTo(total) >= 0;
            return withStatus(h, done ? HardshipStatus.COMPLETED : HardshipStatus.ACTIVE, done ? today : null,
                    soFar.toPlainString());
        }).toList();
        return withEpisode(paid.withConditions(new LoanConditions(c.disputes(), promises, hardships, c.legalFlags(),
                c.contact(), c.waivers())));
    }

    /**
     * Applies the unapplied credit now to every installment, due or not, in the product's order: a settlement pays
     * the loan off on the day, where an ordinary overpayment waits for each due date (RULES §4). What is left stays
     * credit.
     */
    public LoanPosition applyCreditToAll(LoanPosition position) {
        if (!position.unappliedCredit().isPositive()) {
            return position;
        }
        Allocation allocation = allocate(position.installments(), LocalDate.MAX, position.unappliedCredit(),
                product(position.terms()).allocation());
        return withEpisode(position.with(position.asOf(), allocation.installments(), allocation.unallocated(),
                position.dateOfFirstDelinquency(), position.lastPaymentOn(), position.closure()));
    }

    /**
     * Waives up to {@code amount} of one component, oldest installment first; never more than is outstanding, so no
     * component goes negative. The waiver record keeps what was asked and what could be applied.
     */
    public LoanPosition applyWaiver(LoanPosition position, String sourceEventId, Component component, Money amount,
                                    String approvedBy) {
        List<InstallmentPosition> installments = new ArrayList<>(position.installments());
        Money left = amount;
        for (int i = 0; i < installments.size() && left.isPositive(); i++) {
            Money waivable = installments.get(i).remaining(component).min(left);
            if (waivable.isPositive()) {
                installments.set(i, installments.get(i).waive(component, waivable));
                left = left.minus(waivable);
            }
        }
        LoanConditions c = position.conditions();
        List<LoanConditions.Waiver> waivers = new ArrayList<>(c.waivers());
        waivers.add(new LoanConditions.Waiver(sourceEventId, component.name(), amount.toPlainString(),
                amount.minus(left).toPlainString(), approvedBy, position.asOf()));
        return withEpisode(position.withInstallments(installments).withConditions(new LoanConditions(c.disputes(),
                c.promises(), c.hardships(), c.legalFlags(), c.contact(), waivers)));
    }

    /** Moves the due dates of the named installments (a hardship deferral): ageing restarts from the new date. */
    public LoanPosition defer(LoanPosition position, Map<Integer, LocalDate> newDueDates) {
        List<InstallmentPosition> installments = position.installments().stream()
                .map(i -> newDueDates.containsKey(i.seq()) ? i.withDueDate(newDueDates.get(i.seq())) : i)
                .sorted(java.util.Comparator.comparing(InstallmentPosition::dueDate)
                        .thenComparingInt(InstallmentPosition::seq))
                .toList();
        return withEpisode(position.withInstallments(installments));
    }

    public LoanPosition updateConditions(LoanPosition position, UnaryOperator<LoanConditions> change) {
        return position.withConditions(change.apply(position.conditions()));
    }

    public LoanPosition close(LoanPosition position, LoanClosure closure) {
        return position.with(position.asOf(), position.installments(), position.unappliedCredit(),
                position.dateOfFirstDelinquency(), position.lastPaymentOn(), closure);
    }

    private LoanPosition startOfDay(LoanPosition p, LocalDate day, Product product, Consumer<PenaltyAccrual> journal) {
        List<InstallmentPosition> installments = p.installments();
        Money credit = p.unappliedCredit();
        // An overpayment waits as credit and pays installments on the day they fall due (RULES §4).
        if (credit.isPositive()) {
            Allocation allocation = allocate(installments, day, credit, product.allocation());
            installments = allocation.installments();
            credit = allocation.unallocated();
        }
        LoanConditions conditions = dayTransitions(p.conditions(), day, p.terms());
        boolean planPauses = conditions.activeHardship().filter(h -> !h.plan().isEmpty()).isPresent();
        if (planPauses) {
            // RULES §1: an approved hardship plan pauses delinquency ageing; paused days do not count.
            installments = installments.stream().map(i -> i.isOverdueOn(day) ? i.pauseOneDay() : i).toList();
        }
        PenaltyTerms terms = product.penalty();
        boolean penaltyPaused = (terms.pauseWhileHardship() && conditions.activeHardship().isPresent())
                || (terms.pauseWhileDispute() && conditions.hasOpenDispute());
        if (!penaltyPaused && p.closure() == null) {
            installments = accrue(installments, day, terms, journal);
        }
        LoanPosition next = new LoanPosition(p.terms(), day, installments, credit, p.dateOfFirstDelinquency(),
                p.lastPaymentOn(), p.closure(), conditions);
        return withEpisode(next);
    }

    /** Promises past their hold are broken; plans with a payment missed are broken (the day after it was due). */
    private static LoanConditions dayTransitions(LoanConditions c, LocalDate day, LoanTerms terms) {
        boolean changed = false;
        List<PromiseToPay> promises = new ArrayList<>(c.promises());
        for (int i = 0; i < promises.size(); i++) {
            PromiseToPay pr = promises.get(i);
            if (pr.status() == PromiseStatus.ACTIVE && day.isAfter(pr.holdUntil())) {
                promises.set(i, new PromiseToPay(pr.promiseId(), pr.madeOn(), pr.amount(), pr.promisedDate(),
                        pr.holdUntil(), pr.paidSoFar(), PromiseStatus.BROKEN, day));
                changed = true;
            }
        }
        List<Hardship> hardships = new ArrayList<>(c.hardships());
        for (int i = 0; i < hardships.size(); i++) {
            Hardship h = hardships.get(i);
            if (!h.isActive() || h.plan().isEmpty()) {
                continue;
            }
            Money due = terms.zero();
            for (LoanConditions.PlanPayment pp : h.plan()) {
                due = due.plus(new Money(new BigDecimal(pp.amount()), terms.currency()));
                if (pp.dueDate().isBefore(day)
                        && new Money(new BigDecimal(h.paidSoFar()), terms.currency()).compareTo(due) < 0) {
                    hardships.set(i, withStatus(h, HardshipStatus.BROKEN, day, h.paidSoFar()));
                    changed = true;
                    break;
                }
            }
        }
        return changed ? new LoanConditions(c.disputes(), promises, hardships, c.legalFlags(), c.contact(),
                c.waivers()) : c;
    }

    private static List<InstallmentPosition> accrue(List<InstallmentPosition> installments, LocalDate day,
                                                    PenaltyTerms terms, Consumer<PenaltyAccrual> journal) {
        List<InstallmentPosition> out = null;
        for (int i = 0; i < installments.size(); i++) {
            InstallmentPosition inst = installments.get(i);
            if (!inst.isOverdueOn(day)) {
                continue;
            }
            int dpd = inst.daysPastDue(day);
            if (dpd <= terms.graceDays()) {
                continue;
            }
            // No back-dating by default: from DPD = grace + 1 penalty accrues for that day onward (RULES §3).
            // When back-dating, only the installment's first accrual covers the grace days: a hardship plan can
            // hold DPD at grace + 1 for many days, and each of them is one day.
            int days = terms.backdateAfterGrace() && dpd == terms.graceDays() + 1 && inst.due().penalty().isZero()
                    ? terms.graceDays() + 1 : 1;
            Money base = inst.remaining(Component.PRINCIPAL);
            if (terms.penaltyOnOverdueInterest()) {
                base = base.plus(inst.remaining(Component.INTEREST));
            }
            if (!base.isPositive()) {
                continue;
            }
            BigDecimal rate = terms.effectiveAnnualRate(day);
            int scale = base.currency().getDefaultFractionDigits();
            int basis = terms.basis().daysInYear();
            BigDecimal raw = base.amount().multiply(rate).multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(basis), scale, RoundingMode.HALF_EVEN);
            Money amount = new Money(raw, base.currency());
            Money cap = new Money(inst.due().principal().amount().multiply(terms.maxPenaltyPercentOfPrincipal())
                    .divide(BigDecimal.valueOf(100), scale, RoundingMode.HALF_EVEN), base.currency());
            Money room = cap.minus(inst.due().penalty());
            boolean capped = amount.compareTo(room) > 0;
            if (capped) {
                amount = room;
            }
            if (!amount.isPositive()) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(installments);
            }
            out.set(i, inst.accrue(amount));
            journal.accept(new PenaltyAccrual(day, inst.seq(), dpd, base, rate, days, basis, amount, capped));
        }
        return out == null ? installments : out;
    }

    /** Opens the delinquency episode at the oldest unpaid due date + 1, keeps it while overdue, ends it at cure. */
    private static LoanPosition withEpisode(LoanPosition p) {
        LocalDate dofd = p.oldestOverdue()
                .map(oldest -> p.dateOfFirstDelinquency() != null ? p.dateOfFirstDelinquency()
                        : oldest.dueDate().plusDays(1))
                .orElse(null);
        return p.with(p.asOf(), p.installments(), p.unappliedCredit(), dofd, p.lastPaymentOn(), p.closure());
    }

    private static Allocation allocate(List<InstallmentPosition> installments, LocalDate on, Money amount,
                                       AllocationRule rule) {
        List<InstallmentPosition> result = new ArrayList<>(installments);
        Money left = amount;
        if (rule.style() == AllocationRule.Style.PER_INSTALLMENT) {
            for (int i = 0; i < result.size() && left.isPositive(); i++) {
                if (result.get(i).dueDate().isAfter(on)) {
                    continue;
                }
                for (Component component : rule.order()) {
                    left = payComponent(result, i, component, left);
                }
            }
        } else {
            for (Component component : rule.order()) {
                for (int i = 0; i < result.size() && left.isPositive(); i++) {
                    if (!result.get(i).dueDate().isAfter(on)) {
                        left = payComponent(result, i, component, left);
                    }
                }
            }
        }
        return new Allocation(result, left);
    }

    private static Money payComponent(List<InstallmentPosition> installments, int index, Component component,
                                      Money available) {
        InstallmentPosition installment = installments.get(index);
        Money payable = installment.remaining(component).min(available);
        if (!payable.isPositive()) {
            return available;
        }
        installments.set(index, installment.pay(component, payable));
        return available.minus(payable);
    }

    private static Hardship withStatus(Hardship h, HardshipStatus status, LocalDate endedOn, String paidSoFar) {
        return new Hardship(h.requestId(), h.requestedOn(), h.reason(), h.documents(), h.requestedKind(), status,
                h.planKind(), h.plan(), h.decidedOn(), h.reviewer(), endedOn, paidSoFar);
    }

    private static Money money(String amount, Money like) {
        return new Money(new BigDecimal(amount == null ? "0" : amount), like.currency());
    }

    private record Allocation(List<InstallmentPosition> installments, Money unallocated) {
    }
}
