package org.standalonecredit.benchmarks.e2e;

import Api.CreditApi;
import Invokers.ApiClient;
import Invokers.ApiException;
import Model.CreateCreditRequest;
import Model.PtsV2CreditsPost201Response;
import Model.Ptsv2paymentsClientReferenceInformation;
import Model.Ptsv2paymentsPaymentInformationCustomer;
import Model.Ptsv2paymentsidcapturesOrderInformationAmountDetails;
import Model.Ptsv2paymentsidrefundsOrderInformation;
import Model.Ptsv2paymentsidrefundsPaymentInformation;
import com.cybersource.authsdk.core.MerchantConfig;
import java.util.Properties;
import org.standalonecredit.benchmarks.Fixtures;

/**
 * (c) The official Cybersource Java SDK making the same credit with {@code CreditApi.createCredit}. It
 * signs for {@code apitest.cybersource.com} (its {@code runEnvironment}) and connects to the simulator
 * through {@code intermediateHost}. The SDK sets the {@code Host} header itself to the run environment,
 * and the simulator verifies the signature over the Host header it receives, so the SDK's requests
 * verify as they are.
 *
 * <p>{@code ApiClient} keeps per-call state in fields ({@code responseCode}, {@code status}, timing
 * metrics) and its thread safety is an open question upstream, so each caller thread gets its own
 * {@code MerchantConfig} + {@code ApiClient} + {@code CreditApi}, created once and reused: the SDK's most
 * favourable safe use (its samples create them per request). OkHttp's client and pool are static in the
 * SDK and therefore shared anyway. The SDK's log4j2 logging runs with log4j2's default configuration
 * (errors only), i.e. no request/response logging cost.
 */
public final class SdkClient implements CreditClient {
    private final String baseUrl;

    public SdkClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The SDK's configuration for the simulator's test credentials. */
    public static Properties merchantProperties(String baseUrl) {
        Properties p = new Properties();
        p.setProperty("authenticationType", "http_signature");
        p.setProperty("merchantID", Fixtures.CYBS_MERCHANT_ID);
        p.setProperty("merchantKeyId", Fixtures.CYBS_KEY_ID);
        p.setProperty("merchantsecretKey", Fixtures.CYBS_SECRET);
        p.setProperty("runEnvironment", Fixtures.CYBS_TEST_HOST);
        p.setProperty("intermediateHost", baseUrl);
        return p;
    }

    /** Seed 000 as the SDK's model. */
    public static CreateCreditRequest seedRequest() {
        return new CreateCreditRequest()
                .clientReferenceInformation(new Ptsv2paymentsClientReferenceInformation().code(Fixtures.SEED_REFERENCE))
                .paymentInformation(new Ptsv2paymentsidrefundsPaymentInformation()
                        .customer(new Ptsv2paymentsPaymentInformationCustomer().id(Fixtures.SEED_CUSTOMER_TOKEN)))
                .orderInformation(new Ptsv2paymentsidrefundsOrderInformation()
                        .amountDetails(new Ptsv2paymentsidcapturesOrderInformationAmountDetails()
                                .totalAmount(Fixtures.SEED_AMOUNT).currency(Fixtures.SEED_CURRENCY)));
    }

    @Override
    public String name() {
        return "sdk";
    }

    @Override
    public Caller newCaller() throws Exception {
        CreditApi api = new CreditApi(new ApiClient(new MerchantConfig(merchantProperties(baseUrl))));
        return () -> {
            PtsV2CreditsPost201Response response;
            try {
                response = api.createCredit(seedRequest());
            } catch (ApiException e) {
                throw new IllegalStateException("sdk credit: HTTP " + e.getCode() + " " + e.getMessage(), e);
            }
            if (!"PENDING".equals(response.getStatus())) {
                throw new IllegalStateException("sdk credit: status " + response.getStatus());
            }
        };
    }

    @Override
    public void close() {
    }
}
