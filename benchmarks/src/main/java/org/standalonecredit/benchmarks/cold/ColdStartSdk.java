package org.standalonecredit.benchmarks.cold;

import Api.CreditApi;
import Invokers.ApiClient;
import Model.CreateCreditRequest;
import Model.PtsV2CreditsPost201Response;
import Model.Ptsv2paymentsClientReferenceInformation;
import Model.Ptsv2paymentsPaymentInformationCustomer;
import Model.Ptsv2paymentsidcapturesOrderInformationAmountDetails;
import Model.Ptsv2paymentsidrefundsOrderInformation;
import Model.Ptsv2paymentsidrefundsPaymentInformation;
import com.cybersource.authsdk.core.MerchantConfig;
import java.util.Properties;

/**
 * A fresh JVM's first credit through the official SDK: {@code MerchantConfig}, {@code ApiClient},
 * {@code CreditApi.createCredit} of seed 000, exit. Self-contained like {@link ColdStartLibrary}.
 * Argument: the simulator's base URL (the SDK's {@code intermediateHost}). Prints {@code OK <ms in main>}.
 */
public final class ColdStartSdk {
    private ColdStartSdk() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Properties p = new Properties();
        p.setProperty("authenticationType", "http_signature");
        p.setProperty("merchantID", "testmerchant");
        p.setProperty("merchantKeyId", "08c94330-f618-42a3-b09d-e1e43be5efda");
        p.setProperty("merchantsecretKey", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        p.setProperty("runEnvironment", "apitest.cybersource.com");
        p.setProperty("intermediateHost", args[0]);
        CreditApi api = new CreditApi(new ApiClient(new MerchantConfig(p)));
        CreateCreditRequest request = new CreateCreditRequest()
                .clientReferenceInformation(new Ptsv2paymentsClientReferenceInformation().code("12345678"))
                .paymentInformation(new Ptsv2paymentsidrefundsPaymentInformation()
                        .customer(new Ptsv2paymentsPaymentInformationCustomer().id("F45FB3E443AC3C57E053A2598D0A9CFF")))
                .orderInformation(new Ptsv2paymentsidrefundsOrderInformation()
                        .amountDetails(new Ptsv2paymentsidcapturesOrderInformationAmountDetails().totalAmount("10.00").currency("USD")));
        PtsV2CreditsPost201Response response = api.createCredit(request);
        if (!"PENDING".equals(response.getStatus())) {
            System.out.println("FAILED " + response.getStatus());
            System.exit(1);
        }
        System.out.println("OK " + (System.nanoTime() - start) / 1_000_000);
        System.exit(0);
    }
}
