package dev.packetlab.stack.lab;

/** Text in English and (optionally) Korean; Korean falls back to English where a lab has none. */
public record LocalizedText(String en, String ko) {
    public String in(String language) {
        return "ko".equals(language) && ko != null ? ko : en;
    }
}
