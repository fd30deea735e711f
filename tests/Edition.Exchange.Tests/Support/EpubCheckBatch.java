import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

/**
 * epubcheck on many EPUB files in one Java process (Debian's epubcheck checks one file per run, and
 * the start of the JVM and its schemas is most of the time). Run from source by the java launcher:
 * java -cp /usr/share/java/epubcheck.jar EpubCheckBatch.java A.epub B.epub ...
 * Prints epubcheck's own messages, then "RESULT path errors=N warnings=N" per file.
 */
public class EpubCheckBatch {
    public static void main(String[] args) {
        int bad = 0;
        for (String path : args) {
            DefaultReportImpl report = new DefaultReportImpl(path);
            new EpubCheck(new File(path), report).validate();
            int errors = report.getFatalErrorCount() + report.getErrorCount();
            int warnings = report.getWarningCount();
            System.out.println("RESULT " + path + " errors=" + errors + " warnings=" + warnings);
            if (errors + warnings > 0) bad++;
        }
        System.exit(bad == 0 ? 0 : 1);
    }
}
