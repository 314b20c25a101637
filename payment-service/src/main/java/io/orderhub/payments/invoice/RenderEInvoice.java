package io.orderhub.payments.invoice;

import io.orderhub.payments.payment.Caller;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.mustangproject.ZUGFeRD.Profile;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;
import org.mustangproject.ZUGFeRD.ZUGFeRDVisualizer;
import org.springframework.stereotype.Service;

/**
 * An invoice's e-invoices, made with the Mustang project's library from the invoice as issued: the XRechnung XML
 * (CII syntax), and a PDF/A-3 rendering of the invoice with its Factur-X/ZUGFeRD XML (profile EN 16931) embedded.
 * Both are made anew on every request from data that never changes, so they say the same each time.
 */
@Service
public class RenderEInvoice {

    private static final Profile EN16931 = Profiles.getByName("EN16931");
    private static final Profile XRECHNUNG = Profiles.getByName("XRECHNUNG");

    private final FindInvoices invoices;
    private final SellerSettings seller;

    RenderEInvoice(FindInvoices invoices, SellerSettings seller) {
        this.invoices = invoices;
        this.seller = seller;
    }

    /** A document and the name of its file (the invoice number). */
    public record Document(String fileName, byte[] content) {}

    public Document xrechnung(UUID id, Caller caller) {
        return xrechnung(invoices.byId(id, caller), seller);
    }

    public Document facturX(UUID id, Caller caller) {
        return facturX(invoices.byId(id, caller), seller);
    }

    static Document xrechnung(Invoice invoice, SellerSettings seller) {
        return new Document(invoice.number() + "-xrechnung.xml", xml(document(invoice, seller), XRECHNUNG));
    }

    static Document facturX(Invoice invoice, SellerSettings seller) {
        byte[] xml = xml(document(invoice, seller), EN16931);
        byte[] pdf = new ZUGFeRDVisualizer().toPDF(new String(xml, StandardCharsets.UTF_8));
        if (pdf == null) {
            throw new IllegalStateException("Mustang rendered no PDF for invoice " + invoice.number());
        }
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3()) {
            exporter.setProfile(EN16931)
                    .setProducer("Order Hub")
                    .setCreator(seller.name())
                    .load(pdf);
            exporter.setXML(xml);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            return new Document(invoice.number() + ".pdf", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.mustangproject.Invoice document(Invoice invoice, SellerSettings seller) {
        List<String> missing = seller.missing();
        if (!missing.isEmpty()) {
            throw new SellerNotConfigured(missing);
        }
        return EInvoice.of(invoice, seller);
    }

    private static byte[] xml(org.mustangproject.Invoice document, Profile profile) {
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(profile);
        provider.generateXML(document);
        return provider.getXML();
    }
}
