#include "template/fence.hpp"

namespace boardpress::tmpl {

void FenceTracker::reset(const std::string& text) {
    text_ = &text;
    scanned_ = 0;
    fence_char_ = 0;
    fence_length_ = 0;
}

void FenceTracker::line(std::string_view line) {
    std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos || indent > 3) return;
    line.remove_prefix(indent);
    char c = line.empty() ? '\0' : line.front();
    if (c != '`' && c != '~') return;
    std::size_t run = line.find_first_not_of(c);
    if (run == std::string_view::npos) run = line.size();
    if (run < 3) return;
    if (fence_char_ == 0) {
        if (c == '`' && line.find('`', run) != std::string_view::npos) return;  // inline code
        fence_char_ = c;
        fence_length_ = run;
    } else if (c == fence_char_ && run >= fence_length_ &&
               line.find_first_not_of(" \t\r", run) == std::string_view::npos) {
        fence_char_ = 0;  // a closing fence has nothing after its run
    }
}

bool FenceTracker::inside(const std::string& text) {
    if (text_ != &text || text.size() < scanned_) reset(text);
    for (std::size_t end = text.find('\n', scanned_); end != std::string::npos;
         end = text.find('\n', scanned_)) {
        line(std::string_view(text).substr(scanned_, end - scanned_));
        scanned_ = end + 1;
    }
    return fence_char_ != 0;
}

void append_fenced(std::string& out, std::string_view text) {
    for (char c : text) out += (c == '\n' || c == '\r') ? ' ' : c;
}

}  // namespace boardpress::tmpl
