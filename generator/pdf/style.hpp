// Styled text for the layout engine: faces, colours, runs. Plain data, no libharu.
#pragma once

#include <string>
#include <vector>

namespace boardpress::pdf {

enum class Face { regular, bold, italic, bold_italic, mono, mono_bold };
constexpr int face_count = 6;

Face with_bold(Face face);
Face with_italic(Face face);

struct Color {
    double r = 0, g = 0, b = 0;
    bool operator==(const Color&) const = default;
};

struct Style {
    Face face = Face::regular;
    double size = 10.5;
    Color color;
    std::string link;  // "https://..." (URI annotation) or "#anchor" (internal); empty: none
    bool underline = false;
    bool strike = false;
    double rise = 0;  // baseline shift up, for superscript footnote references
    bool operator==(const Style&) const = default;
};

// A piece of a paragraph. A run with hard_break ends the line; a run with an anchor and no text
// marks a destination (footnote reference ids) at that place.
struct Run {
    std::string text;
    Style style;
    std::string anchor;
    bool hard_break = false;
};

// Widths of text, so layout can be tested without libharu (FontSet implements it from the fonts).
class Measure {
  public:
    virtual ~Measure() = default;
    virtual double width(Face face, std::string_view utf8, double size) const = 0;
};

}  // namespace boardpress::pdf
