package com.overdue.collections.lambda.reminder;

import com.overdue.collections.core.config.EngineConfiguration;
import com.overdue.collections.core.contact.Channel;
import com.overdue.collections.core.loan.Money;
import com.overdue.collections.core.reminder.GreetingName;
import com.overdue.collections.core.reminder.ReminderContent;
import com.overdue.collections.core.reminder.ReminderDigest;
import com.overdue.collections.core.reminder.RenderedMessage;
import com.overdue.collections.core.reminder.SenderProfiles;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a borrower reads: the greeting in the locale's name order, and the regulator line, as exact text. */
class QuteReminderRendererTest {

    private static final QuteReminderRenderer RENDERER = new QuteReminderRenderer();
    private static final SenderProfiles SENDERS = EngineConfiguration.fromClasspath().senders();
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static RenderedMessage email(String locale, String jurisdiction, String first, String last) {
        String currency = jurisdiction.equals("CN") ? "CNY" : "USD";
        ReminderDigest digest = new ReminderDigest("B-1", List.of(new ReminderDigest.LoanLine("L-1", jurisdiction,
                Money.of("261.25", currency), Money.of("1.25", currency), LocalDate.of(2026, 2, 2), 28, 1)),
                List.of());
        return RENDERER.render(new ReminderContent("M1", Channel.EMAIL, locale, jurisdiction,
                GreetingName.of(locale, first, last), DAY, List.of("R2"), digest,
                SENDERS.forJurisdiction(jurisdiction)));
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() ->
                new AssertionError("no line starting with " + prefix + " in:\n" + text));
    }

    @Test
    void a_chinese_name_is_greeted_family_name_first() {
        RenderedMessage m = email("zh-CN", "CN", "娜", "王");
        assertThat(m.text().lines().findFirst()).hasValue("尊敬的王娜：");
        assertThat(m.html()).contains("<p>尊敬的王娜：</p>");
    }

    @Test
    void a_latin_name_in_a_chinese_message_is_greeted_neutrally_never_by_the_bare_given_name() {
        RenderedMessage m = email("zh-CN", "CN", "Na", "Wang");
        assertThat(m.text().lines().findFirst()).hasValue("尊敬的客户：");
        assertThat(m.text()).doesNotContain("Na：").doesNotContain("Wang");
        assertThat(m.html()).contains("<p>尊敬的客户：</p>");
    }

    @Test
    void the_chinese_regulator_line_names_the_regulator_once_and_its_hotline_once() {
        RenderedMessage m = email("zh-CN", "CN", "娜", "王");
        assertThat(line(m.text(), "咨询或投诉：")).isEqualTo("咨询或投诉：https://help.example.cn/complaint，"
                + "service@example.cn，400-800-1234；也可向国家金融监督管理总局反映：12378。");
        assertThat(m.html()).contains("也可向国家金融监督管理总局反映：12378。</p>");
    }

    @Test
    void english_greets_by_first_name_and_names_the_cfpb() {
        RenderedMessage m = email("en-US", "US", "Emily", "Johnson");
        assertThat(m.text().lines().findFirst()).hasValue("Dear Emily,");
        assertThat(line(m.text(), "Questions or a complaint:")).isEqualTo("Questions or a complaint: "
                + "https://help.example.com/complaint, support@example.com, 1-800-555-0199. You may also contact the "
                + "Consumer Financial Protection Bureau: consumerfinance.gov/complaint, 1-855-411-2372.");
    }

    private static RenderedMessage withOffer(String locale, String jurisdiction, Channel channel) {
        String currency = jurisdiction.equals("CN") ? "CNY" : "USD";
        ReminderDigest digest = new ReminderDigest("B-1", List.of(new ReminderDigest.LoanLine("L-1", jurisdiction,
                Money.of("261.25", currency), Money.of("1.25", currency), LocalDate.of(2026, 2, 2), 28, 1)),
                List.of(), List.of(new ReminderDigest.OfferLine("L-1", Money.of("6041.50", currency),
                LocalDate.of(2026, 3, 16))));
        return RENDERER.render(new ReminderContent("M1", channel, locale, jurisdiction,
                GreetingName.of(locale, "娜", "王"), DAY, List.of("R2"), digest,
                SENDERS.forJurisdiction(jurisdiction)));
    }

    @Test
    void an_open_settlement_offer_is_told_with_its_amount_and_last_day_in_the_borrowers_language() {
        RenderedMessage zh = withOffer("zh-CN", "CN", Channel.EMAIL);
        assertThat(line(zh.text(), "结清优惠：")).isEqualTo(
                "结清优惠：借款 L-1 在 2026-03-16（含当日）前一次性还清 CNY 6,041.50，剩余欠款予以减免。");
        assertThat(zh.html()).contains("<p>结清优惠：借款 L-1 在 2026-03-16（含当日）前一次性还清 "
                + "<strong>CNY 6,041.50</strong>，剩余欠款予以减免。</p>");
        RenderedMessage en = withOffer("en-US", "US", Channel.EMAIL);
        assertThat(line(en.text(), "Settlement offer:")).isEqualTo("Settlement offer: pay USD 6,041.50 by "
                + "2026-03-16 (inclusive) to settle loan L-1 in full; the rest of the balance is waived.");
        assertThat(withOffer("zh-CN", "CN", Channel.IN_APP).text())
                .contains("结清优惠：借款 L-1 在 2026-03-16（含）前还清 CNY 6,041.50，其余减免。");
        assertThat(withOffer("en-US", "US", Channel.IN_APP).text())
                .contains("Settlement offer: pay USD 6,041.50 by 2026-03-16 to settle loan L-1; the rest is waived.");
        // The SMS stays the generic notice it always is: no amounts, no loan ids.
        assertThat(withOffer("zh-CN", "CN", Channel.SMS).text()).doesNotContain("6,041.50").doesNotContain("L-1");
        // Without an offer there is no offer line.
        assertThat(email("zh-CN", "CN", "娜", "王").text()).doesNotContain("结清优惠");
        assertThat(email("en-US", "US", "Emily", "Johnson").text()).doesNotContain("Settlement offer");
    }

    @Test
    void greeting_name_rules() {
        assertThat(GreetingName.of("zh-CN", "娜", "王")).isEqualTo("王娜");
        assertThat(GreetingName.of("zh-CN", "小明", "欧阳")).isEqualTo("欧阳小明");
        assertThat(GreetingName.of("zh-CN", "Na", "Wang")).isNull();
        assertThat(GreetingName.of("zh-CN", "娜", "Wang")).isNull();
        assertThat(GreetingName.of("en-US", "Emily", "Johnson")).isEqualTo("Emily");
        assertThat(GreetingName.of("en-US", " ", "Johnson")).isNull();
    }
}
