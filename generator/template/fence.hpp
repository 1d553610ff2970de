// Where Markdown output stands: inside a fenced code block (``` or ~~~) or not. A value printed
// inside a fence is code (a component's YAML), not Markdown: it is written as it is, never
// backslash-escaped, but its line breaks become spaces so it can never close the fence.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace boardpress::tmpl {

class FenceTracker {
  public:
    // True when `text` (output growing between calls) ends inside an open fence. Only whole
    // lines count: a fence line must be finished before what it fences.
    bool inside(const std::string& text);

  private:
    const std::string* text_ = nullptr;
    std::size_t scanned_ = 0;  // bytes of *text_ already read, up to a line start
    char fence_char_ = 0;      // '`' or '~' while a fence is open
    std::size_t fence_length_ = 0;
    void reset(const std::string& text);
    void line(std::string_view line);
};

// Appends `text` for the inside of a fence: as it is, line breaks as spaces.
void append_fenced(std::string& out, std::string_view text);

}  // namespace boardpress::tmpl
