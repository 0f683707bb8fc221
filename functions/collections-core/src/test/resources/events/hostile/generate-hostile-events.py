# Writes hostile-events.jsonl and hostile-events.expected.tsv into the current directory (run it from here).
import json, copy
L='L-H1'
def env(eid, typ, at, payload, loan=L, **extra):
    e={"eventId":eid,"type":typ,"schemaVersion":1,"occurredAt":at,"loanId":loan,"payload":payload}
    e.update(extra); return e
borrower={"name":{"first":"Meilin","middle":"","last":"Gongsun"},"locale":"zh-CN","timeZone":"Asia/Shanghai",
 "email":"meilin.gongsun@example.cn","phone":"+8613912345678","dateOfBirth":"1990-03-07","nationalId":"11010519900307281X",
 "address":{"line1":"77 Lotus Lane","line2":"","city":"Hangzhou","state":"Zhejiang","postalCode":"310000","country":"CN"}}
def booking(eid, loan, at="2026-01-10T02:00:00Z", **over):
    p={"borrowerId":"B-H1","productCode":"CONSUMER-INSTALMENT","currency":"CNY","jurisdiction":"CN","timeZone":"Asia/Shanghai",
       "principal":"3000.00","disbursedOn":"2026-01-10","installments":[
        {"seq":1,"dueDate":"2026-02-10","principal":"1000.00","interest":"20.00","fees":"0.00"},
        {"seq":2,"dueDate":"2026-03-10","principal":"1000.00","interest":"20.00","fees":"0.00"},
        {"seq":3,"dueDate":"2026-04-10","principal":"1000.00","interest":"20.00","fees":"0.00"}],
       "borrower":copy.deepcopy(borrower)}
    for k,v in over.items(): p[k]=v
    return env(eid,"LoanBooked",at,p,loan)
def pay(eid, pid, amount="100.00", on="2026-02-12", at="2026-02-12T03:00:00Z", loan=L, **over):
    p={"paymentId":pid,"amount":amount,"receivedOn":on,"channel":"BANK_TRANSFER"}; p.update(over)
    return env(eid,"PaymentReceived",at,p,loan)
lines=[]  # (bytes, expect, field, note)
def add(obj, expect, field, note):
    if isinstance(obj,bytes): b=obj
    elif isinstance(obj,str): b=obj.encode('utf-8')
    else:
        try: b=json.dumps(obj, ensure_ascii=False).encode('utf-8')
        except UnicodeEncodeError: b=json.dumps(obj).encode('utf-8')
    lines.append((b, expect, field, note))
V='applied'; R='rejected'; C='conflict'; D='duplicate'
# ---- valid
add(booking("h-book-1", L), V, "", "valid booking with full borrower PII")
add(pay("h-pay-1","P-H1"), V, "", "valid payment")
add(pay("h-pay-1","P-H1"), D, "", "same event delivered twice")
us=booking("h-book-2","L-H2", productCode="US-CONSUMER-INSTALMENT", currency="USD", jurisdiction="US", timeZone="America/New_York")
us["payload"]["borrowerId"]="B-H2"; us["payload"]["borrower"]["timeZone"]="America/New_York"; us["payload"]["borrower"]["locale"]="en-US"
us["payload"]["borrower"]["name"]={"first":"Avery","last":"Quillfeather"}; us["payload"]["borrower"]["email"]="avery.q@example.com"
us["payload"]["borrower"]["phone"]="+12025550143"; us["payload"]["borrower"]["nationalId"]="078-05-1120"; us["payload"]["borrower"]["address"]={"line1":"1600 Elm Street","city":"Springfield","state":"IL","postalCode":"62701","country":"US"}
add(us, V, "", "valid US booking")
add(env("h-bdc-new","BorrowerDetailsChanged","2026-02-20T01:00:00Z",{"borrowerId":"B-H1","borrower":{"email":"m.gongsun@example.org","phone":"+8613787654321"}}), V, "", "newer details")
add(env("h-bdc-old","BorrowerDetailsChanged","2026-02-15T01:00:00Z",{"borrowerId":"B-H1","borrower":{"email":"old.gongsun@example.net","address":{"line1":"9 Orchid Road","city":"Hangzhou","country":"CN"}}}), V, "", "older details: email loses, address wins")
add(env("h-ptp-1","PromiseToPayMade","2026-02-21T02:00:00Z",{"promiseId":"PTP-H1","amount":"500.00","promisedDate":"2026-03-01","via":"CALL"}), V, "", "valid promise")
add(env("h-cpc-1","ContactPreferencesChanged","2026-02-22T02:00:00Z",{"optOut":["EMAIL"],"ceaseCommunication":False}), V, "", "valid preferences")
add(env("h-cmp-1","ComplaintReceived","2026-02-23T02:00:00Z",{"complaintId":"C-H1","channel":"SMS","summary":"Please call Meilin Gongsun at +8613912345678 instead"}), V, "", "valid complaint whose summary holds PII")
add(pay("h-pay-2","P-H2","50.00","2026-02-24","2026-02-24T03:00:00Z"), V, "", "second valid payment")
# ---- hostile: syntax and size
add("eventId=h-x;type=PaymentReceived", R, "$", "not JSON")
add('{"eventId": "h-trunc", "type": ', R, "$", "truncated JSON")
add('[{"eventId":"h-arr"}]', R, "$", "JSON array, not an object")
add(b'{"eventId":"h-utf8","type":"PaymentReceived","schemaVersion":1,"occurredAt":"2026-02-12T03:00:00Z","loanId":"L-H1","payload":{"paymentId":"P-U","amount":"1.00","receivedOn":"2026-02-12","channel":"BANK\xff\xfeTRANSFER"}}', R, "$", "invalid UTF-8 bytes")
add('{"eventId":"h-dupkey","type":"PaymentReceived","schemaVersion":1,"occurredAt":"2026-02-12T03:00:00Z","loanId":"L-H1","payload":{"paymentId":"P-DK","amount":"1.00","amount":"99999.00","receivedOn":"2026-02-12","channel":"CARD"}}', R, "$", "duplicate key")
deep='['*200+']'*200
add('{"eventId":"h-deep","type":"PaymentReceived","schemaVersion":1,"occurredAt":"2026-02-12T03:00:00Z","loanId":"L-H1","payload":{"paymentId":"P-DP","amount":"1.00","receivedOn":"2026-02-12","channel":"CARD","x":'+deep+'}}', R, "$", "nesting 200 deep")
add(pay("h-huge","P-HG",channel="A"*1_048_576), R, "$", "1 MB field")
add(pay("h-big","P-BG",channel="B"*70_000), R, "$", "70 KB event, over the 64 KiB limit")
add('\ufeff'+json.dumps(pay("h-bom","P-BOM")), R, "$", "byte-order mark before the object")
# envelope
e=pay("h-sv-big","P-SV"); e["schemaVersion"]=4294967297; add(e,R,"schemaVersion","schemaVersion 2^32+1 (int truncation)")
e=pay("h-sv-str","P-SV2"); e["schemaVersion"]="1"; add(e,R,"schemaVersion","schemaVersion as string")
e=pay("h-sv-frac","P-SV3"); e["schemaVersion"]=1.5; add(e,R,"schemaVersion","schemaVersion 1.5")
e=pay("h-type","P-T"); e["type"]="RefundIssued"; add(e,R,"type","unknown type")
e=pay("h-envx","P-EX"); e["trace"]="x"; add(e,R,"trace","unknown envelope field")
e=pay("h-noid","P-NI"); del e["eventId"]; add(e,R,"eventId","missing eventId")
add(pay("h-nul\u0000id","P-N0"),R,"eventId","eventId with NUL")
add(pay("h-rlo\u202eid","P-RL"),R,"eventId","eventId with right-to-left override")
add(pay("\u200b\u200b\u200b","P-ZW"),R,"eventId","eventId of zero-width spaces only")
add(pay("h-"+"x"*200,"P-LG"),R,"eventId","eventId 202 characters")
add(pay("h-newline\n","P-NL"),R,"eventId","eventId ending in a newline (JDK regex $ matches before it)")
add(pay("h-ls-id","P-LS\u2028"),R,"payload.paymentId","paymentId ending in a line separator")
add(pay("h-loan-space","P-LS",loan="L H1"),R,"loanId","loanId with a space")
add(pay("h-at-offset","P-AO",at="2026-02-12T11:00:00+08:00"),R,"occurredAt","occurredAt with an offset, not UTC")
add(pay("h-at-1970","P-A7",at="1970-01-01T00:00:00Z"),R,"occurredAt","occurredAt in 1970")
add(pay("h-at-impossible","P-AI",at="2026-02-30T00:00:00Z"),R,"occurredAt","occurredAt on 30 February")
# payment amounts and ids
add(pay("h-amt-30","P-A30","999999999999999999999999999999.00"),R,"payload.amount","30-digit amount")
add(pay("h-amt-16","P-A16","1000000000000000.00"),R,"payload.amount","16 integer digits")
add(pay("h-amt-exp","P-AE","1e3"),R,"payload.amount","amount with exponent")
e=pay("h-amt-num","P-AN"); e["payload"]["amount"]=100; add(e,R,"payload.amount","amount as a number")
add(pay("h-amt-neg","P-ANG","-5.00"),R,"payload.amount","negative amount")
add(pay("h-amt-zero","P-AZ","0.00"),R,"payload.amount","zero amount")
add(pay("h-amt-scale","P-ASC","12.345"),R,"payload.amount","three decimals in CNY")
add(pay("h-pid-zw","\u200b\u200b"),R,"payload.paymentId","paymentId of zero-width spaces")
add(pay("h-pid-nul","P-\u0000"),R,"payload.paymentId","paymentId with NUL")
add(pay("h-rcv-early","P-RE",on="2020-01-10"),R,"payload.receivedOn","received six years before disbursal")
add(pay("h-rcv-late","P-RLT",on="2026-02-20",at="2026-02-12T03:00:00Z"),R,"payload.receivedOn","received after the event's own date")
add(pay("h-rcv-1900","P-R19",on="1900-01-01"),R,"payload.receivedOn","received in 1900")
add(pay("h-ch-bell","P-CB",channel="BANK\u0007"),R,"payload.channel","channel with a control character")
add(pay("h-ch-empty","P-CE",channel=""),R,"payload.channel","empty channel")
add(pay("h-ch-surrogate","P-CS",channel="BANK\ud800"),R,"payload.channel","unpaired surrogate")
add(pay("h-extra","P-XF",payerAccount="6222020200112233"),R,"payload.payerAccount","unknown payload field (closed payload)")
e=pay("h-pl-arr","P-PA"); e["payload"]=[1,2]; add(e,R,"payload","payload is an array")
e=pay("h-pl-null","P-PN"); e["payload"]=None; add(e,R,"payload","payload is null")
add(pay("h-pay-conflict","P-H1","900.00",at="2026-02-25T03:00:00Z",on="2026-02-25"),C,"payload.amount","same paymentId, different amount")
add(pay("h-pay-1","P-H1","100.00",on="2026-02-13",at="2026-02-13T03:00:00Z"),C,"eventId","same eventId, different payload")
add(pay("h-unknown-loan","P-UL",loan="L-NOPE"),R,"loanId","payment for an unknown loan")
e=pay("h-email-key","P-EK"); e["payload"]["meilin.gongsun@example.cn"]="x"; add(e,R,"payload.<a field with an unexpected name>","a field named by an e-mail address")
# bookings
def bk(eid, **over): return booking(eid, "L-"+eid, at="2026-01-11T02:00:00Z", **over)
b=bk("hb-seq-big"); b["payload"]["installments"][0]["seq"]=4294967297; add(b,R,"payload.installments[0].seq","seq 2^32+1")
b=bk("hb-seq-order"); b["payload"]["installments"][0]["seq"]=2; b["payload"]["installments"][1]["seq"]=1; add(b,R,"payload.installments[1].seq","seq out of order")
b=bk("hb-seq-dup"); b["payload"]["installments"][1]["seq"]=1; add(b,R,"payload.installments[1].seq","seq repeated")
b=bk("hb-sum"); [i.update({"principal":"1.00"}) for i in b["payload"]["installments"]]; add(b,R,"payload.installments","principals sum to 3.00 of 3000.00")
b=bk("hb-due-early"); [i.update({"dueDate":d}) for i,d in zip(b["payload"]["installments"],["2025-10-10","2025-11-10","2025-12-10"])]; add(b,R,"payload.installments[0].dueDate","due dates before disbursedOn")
b=bk("hb-due-desc"); [i.update({"dueDate":d}) for i,d in zip(b["payload"]["installments"],["2026-04-10","2026-03-10","2026-02-10"])]; add(b,R,"payload.installments[1].dueDate","due dates descending")
b=bk("hb-cur-product", currency="USD"); add(b,R,"payload.currency","currency not the product's")
b=bk("hb-cur-iso", currency="ZZZ"); add(b,R,"payload.currency","not an ISO 4217 currency")
b=bk("hb-tz", timeZone="Mars/Olympus_Mons"); add(b,R,"payload.timeZone","unknown time zone")
b=bk("hb-tz-path", timeZone="../../etc/passwd"); add(b,R,"payload.timeZone","time zone that is a path")
b=bk("hb-no-inst", installments=[]); add(b,R,"payload.installments","no installments")
b=bk("hb-principal-num"); b["payload"]["principal"]=3000; add(b,R,"payload.principal","principal as a number")
b=bk("hb-phone"); b["payload"]["borrower"]["phone"]="13800138000"; add(b,R,"payload.borrower.phone","phone not E.164")
b=bk("hb-email"); b["payload"]["borrower"]["email"]="meilin.gongsun.at.example.cn"; add(b,R,"payload.borrower.email","invalid e-mail")
b=bk("hb-dob-future"); b["payload"]["borrower"]["dateOfBirth"]="2090-01-01"; add(b,R,"payload.borrower.dateOfBirth","date of birth in the future")
b=bk("hb-dob-bad"); b["payload"]["borrower"]["dateOfBirth"]="1990-13-07"; add(b,R,"payload.borrower.dateOfBirth","month 13")
b=bk("hb-natid"); b["payload"]["borrower"]["nationalId"]="1101 0519 9003 0728"; add(b,R,"payload.borrower.nationalId","national id with spaces")
b=bk("hb-last-nul"); b["payload"]["borrower"]["name"]["last"]="Gong\u0000sun"; add(b,R,"payload.borrower.name.last","surname with NUL")
b=bk("hb-first-long"); b["payload"]["borrower"]["name"]["first"]="Meilin"*100; add(b,R,"payload.borrower.name.first","600-character first name")
b=bk("hb-addr-rlo"); b["payload"]["borrower"]["address"]["line1"]="77 Lotus \u202eLane"; add(b,R,"payload.borrower.address.line1","address with RTL override")
b=bk("hb-ssn-field"); b["payload"]["borrower"]["ssn"]="219-09-9999"; add(b,R,"payload.borrower.ssn","unknown borrower field holding an SSN")
b=bk("hb-no-borrower"); del b["payload"]["borrower"]; add(b,R,"payload.borrower","booking without borrower")
b=booking("hb-rebook", L, at="2026-01-12T02:00:00Z"); add(b,R,"loanId","second booking of the same loan")
# borrower details
add(env("h-bdc-unknown","BorrowerDetailsChanged","2026-02-20T02:00:00Z",{"borrowerId":"B-H1","borrower":{"locale":"en-US"}},loan="L-NOPE"),R,"loanId","details for an unknown loan")
add(env("h-bdc-other","BorrowerDetailsChanged","2026-02-20T02:00:00Z",{"borrowerId":"B-H2","borrower":{"locale":"en-US"}}),R,"payload.borrowerId","details for another loan's borrower")
add(env("h-bdc-empty","BorrowerDetailsChanged","2026-02-20T02:00:00Z",{"borrowerId":"B-H1","borrower":{}}),R,"payload.borrower","empty details")
add(env("h-bdc-phone","BorrowerDetailsChanged","2026-02-20T02:00:00Z",{"borrowerId":"B-H1","borrower":{"phone":"+86 139 1234 5678"}}),R,"payload.borrower.phone","phone with spaces")
add(env("h-bdc-tz","BorrowerDetailsChanged","2026-02-20T02:00:00Z",{"borrowerId":"B-H1","borrower":{"timeZone":"Asia/Atlantis"}}),R,"payload.borrower.timeZone","unknown borrower time zone")
# other types
add(env("h-cpc-dup","ContactPreferencesChanged","2026-02-22T03:00:00Z",{"optOut":["SMS","SMS"],"ceaseCommunication":False}),R,"payload.optOut","channel listed twice")
add(env("h-cpc-many","ContactPreferencesChanged","2026-02-22T03:00:00Z",{"optOut":["C"+chr(65+i) for i in range(17)],"ceaseCommunication":False}),R,"payload.optOut","17 channels")
add(env("h-cpc-str","ContactPreferencesChanged","2026-02-22T03:00:00Z",{"optOut":["SMS"],"ceaseCommunication":"false"}),R,"payload.ceaseCommunication","boolean as string")
add(env("h-hr-ref","HardshipRequested","2026-02-22T03:00:00Z",{"requestId":"H-H1","reason":"JOB_LOSS","documents":[{"type":"INCOME_PROOF","ref":"s3://"+"r"*300}],"requested":{"kind":"DEFERRAL"}}),R,"payload.documents[0].ref","300-character document ref")
add(env("h-cmp-long","ComplaintReceived","2026-02-23T03:00:00Z",{"complaintId":"C-H2","channel":"SMS","summary":"s"*3000}),R,"payload.summary","3000-character summary")
add(env("h-cmp-esc","ComplaintReceived","2026-02-23T03:00:00Z",{"complaintId":"C-H3","channel":"SMS","summary":"write to meilin.gongsun@example.cn \u001b[2J"}),R,"payload.summary","summary with an escape sequence and an e-mail")
add(env("h-ptp-2150","PromiseToPayMade","2026-02-21T03:00:00Z",{"promiseId":"PTP-H2","amount":"500.00","promisedDate":"2150-01-01","via":"CALL"}),R,"payload.promisedDate","promise in 2150")
add(env("h-close-lower","LoanClosed","2026-02-21T03:00:00Z",{"reason":"paid_off","on":"2026-02-21"}),R,"payload.reason","lower-case reason")
add(env("h-hd-order","HardshipDecided","2026-02-22T04:00:00Z",{"requestId":"H-H9","decision":"APPROVED","reviewer":"U-1","plan":{"kind":"INSTALMENT_PLAN","installments":[{"seq":1,"dueDate":"2026-04-01","amount":"100.00"},{"seq":2,"dueDate":"2026-03-01","amount":"100.00"}]}}),R,"payload.plan.installments[1].dueDate","plan due dates out of order")
add(env("h-hd-extra","HardshipDecided","2026-02-22T04:00:00Z",{"requestId":"H-H9","decision":"APPROVED","reviewer":"U-1","plan":{"kind":"WAIVER","component":"PENALTY","amount":"10.00","note":"x"}}),R,"payload.plan.note","unknown plan field")
add(env("h-wv-16","WaiverGranted","2026-02-22T04:00:00Z",{"component":"PENALTY","amount":"1234567890123456","approvedBy":"U-1"}),R,"payload.amount","16-digit waiver")
add(env("h-dr-str","DisputeResolved","2026-02-22T04:00:00Z",{"disputeId":"D-1","outcome":"UPHELD","consumerDisagrees":"false"}),R,"payload.consumerDisagrees","boolean as string")
add(json.dumps(env("h-seq-inf","HardshipDecided","2026-02-22T04:00:00Z",{"requestId":"H-H9","decision":"APPROVED","reviewer":"U-1","plan":{"kind":"DEFERRAL","newDueDates":[{"seq":"SEQ","dueDate":"2026-05-01"}]}})).replace('"SEQ"','1e400'),R,"payload.plan.newDueDates[0].seq","seq 1e400")
add(env("h-legal-neg","LegalEventRecorded","2026-02-22T04:00:00Z",{"kind":"JUDGMENT","on":"-2026-02-22"}),R,"payload.on","negative year")
with open('hostile-events.jsonl','wb') as f:
    for i,(b,_,_,_) in enumerate(lines):
        f.write(b+b'\n')
        if i==9: f.write(b'\n')   # a blank line is skipped
with open('hostile-events.expected.tsv','w') as f:
    f.write("line\texpect\tfield\tcase\n")
    n=0
    for i,(b,ex,fld,note) in enumerate(lines):
        n+=1
        f.write(f"{n}\t{ex}\t{fld}\t{note}\n")
        if i==9: n+=1
import collections
print(len(lines), collections.Counter(x[1] for x in lines))
