// Test-only harness: checks email addresses the way Amazon SES does, with JavaMail's strict
// InternetAddress parser (SES's error texts are this parser's texts; reference section 7.1), plus the
// rule of JavaMail before 1.6 that a character at or above 0x7F in the local part or the domain
// is "control or whitespace" (Debian ships 1.6.5, which lets UTF-8 through; SES does not).
//
// Run as a single-file source program (no build step): java -cp javax.mail.jar SesAddressParser.java
//
// Line protocol on stdin/stdout, ASCII only so no value can break a line: every string travels as
// base64 of its UTF-16LE code units (lone surrogates, CR, LF and NUL included).
//   request  "a<b64>"  one address value (an address field: new InternetAddress(value, true))
//            "l<b64>"  one address-list header value (raw MIME To/Cc/...: parseHeader(value, true))
//            "."       end of batch: flush the answers
//   answer   "ok"      the parser accepts the value
//            "no<b64>" the parser refuses it; <b64> is the exception's message (SES's error text)
//            "er<b64>" the harness failed on this value (a bug here, never a refusal)
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

public class SesAddressParser {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    BufferedWriter out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII), 1 << 16);
    String line;
    while ((line = in.readLine()) != null) {
      if (line.equals(".")) {
        out.flush();
        continue;
      }
      String answer;
      try {
        String value = decode(line.substring(1));
        String refusal = line.charAt(0) == 'l' ? refusalOfList(value) : refusalOfAddress(value);
        answer = refusal == null ? "ok" : "no" + encode(refusal);
      } catch (RuntimeException e) {
        answer = "er" + encode(e.toString());
      }
      out.write(answer);
      out.write('\n');
    }
    out.flush();
  }

  /** null when SES's parser accepts the value, else its error text. */
  static String refusalOfAddress(String value) {
    try {
      InternetAddress address = new InternetAddress(value, true);
      address.validate();
      return preUtf8Refusal(address);
    } catch (AddressException e) {
      return e.getMessage();
    }
  }

  static String refusalOfList(String value) {
    try {
      InternetAddress[] addresses = InternetAddress.parseHeader(value, true);
      for (InternetAddress address : addresses) {
        address.validate();
        String refusal = preUtf8Refusal(address);
        if (refusal != null) return refusal;
      }
      return null;
    } catch (AddressException e) {
      return e.getMessage();
    }
  }

  /**
   * JavaMail before 1.6 refused any character at or above 0x7F in an addr-spec, with the texts
   * below, in the loop of checkAddress that 1.6 relaxed. That loop skips what it does not check: the
   * inside of a quoted-string and the character after a backslash, so `"\u00e9"@example.com` passed
   * it, and so it does here. Applied after 1.6.5 accepted the value, so only the answer (accept or refuse), never the
   * order of checks, can differ from the old release (an address with two defects may get the
   * other text).
   */
  static String preUtf8Refusal(InternetAddress address) {
    String spec = address.getAddress();
    if (spec == null) return null;
    int len = spec.length();
    char c = (char) -1;
    boolean inquote = false;
    int i;
    for (i = 0; i < len; i++) {
      char lastc = c;
      c = spec.charAt(i);
      if (c == '\\' || lastc == '\\') continue;
      if (c == '"') {
        inquote = !inquote;
        continue;
      }
      if (inquote) continue;
      if (c == '@') break;
      if (c >= 0x7f) return "Local address contains control or whitespace";
    }
    for (i++; i < len; i++) {
      if (spec.charAt(i) >= 0x7f) return "Domain contains control or whitespace";
    }
    return null;
  }

  static String decode(String b64) {
    byte[] bytes = Base64.getDecoder().decode(b64);
    char[] chars = new char[bytes.length / 2];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] & 0xff) << 8);
    }
    return new String(chars);
  }

  static String encode(String text) {
    byte[] bytes = new byte[text.length() * 2];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes[2 * i] = (byte) c;
      bytes[2 * i + 1] = (byte) (c >> 8);
    }
    return Base64.getEncoder().encodeToString(bytes);
  }
}
