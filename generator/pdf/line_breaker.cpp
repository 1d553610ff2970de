#include "pdf/line_breaker.hpp"

#include <algorithm>

#include "pdf/utf8.hpp"

namespace boardpress::pdf {

namespace {

struct Piece {
    std::string text;
    const Style* style;
    double width = 0;
    std::string anchor;
};

struct Word {
    std::vector<Piece> pieces;
    double width = 0;
    double space = 0;           // width of the space before it (0 when glued to the previous word)
    bool break_before = false;  // a hard break precedes it
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n';
}

// Words from runs: a word continues across runs until a space, so "**bold**," stays one word.
std::vector<Word> split_words(const std::vector<Run>& runs, const Measure& measure) {
    std::vector<Word> words;
    bool open = false;  // the last word can still grow
    double pending_space = 0;
    bool pending_break = false;
    auto word = [&]() -> Word& {
        if (!open) {
            words.push_back({});
            words.back().space = words.size() > 1 && !pending_break ? pending_space : 0;
            words.back().break_before = pending_break;
            pending_space = 0;
            pending_break = false;
            open = true;
        }
        return words.back();
    };
    for (const Run& run : runs) {
        if (run.hard_break) {
            open = false;
            pending_break = true;
            continue;
        }
        if (!run.anchor.empty()) word().pieces.push_back({"", &run.style, 0, run.anchor});
        std::string_view text = run.text;
        std::size_t i = 0;
        while (i < text.size()) {
            if (is_space(text[i])) {
                while (i < text.size() && is_space(text[i])) ++i;
                if (open || !words.empty())
                    pending_space =
                        std::max(pending_space, measure.width(run.style.face, " ", run.style.size));
                open = false;
                continue;
            }
            std::size_t end = i;
            while (end < text.size() && !is_space(text[end])) ++end;
            std::string piece(text.substr(i, end - i));
            double w = measure.width(run.style.face, piece, run.style.size);
            Word& current = word();
            current.pieces.push_back({std::move(piece), &run.style, w, {}});
            current.width += w;
            i = end;
        }
    }
    return words;
}

// Splits a word wider than `width` into chunks that fit, glued together (space 0).
std::vector<Word> split_long_word(const Word& word, double width, const Measure& measure) {
    std::vector<Word> chunks(1);
    chunks[0].space = word.space;
    chunks[0].break_before = word.break_before;
    for (const Piece& piece : word.pieces) {
        std::string_view text = piece.text;
        Piece current{"", piece.style, 0, piece.anchor};
        for (std::size_t i = 0; i < text.size();) {
            std::size_t n = utf8_length(text, i);
            std::string ch(text.substr(i, n));
            double w = measure.width(piece.style->face, ch, piece.style->size);
            if (chunks.back().width + w > width && chunks.back().width > 0) {
                if (!current.text.empty() || !current.anchor.empty())
                    chunks.back().pieces.push_back(current);
                current = {"", piece.style, 0, {}};
                chunks.push_back({});
            }
            current.text += ch;
            current.width += w;
            chunks.back().width += w;
            i += n;
        }
        if (!current.text.empty() || !current.anchor.empty())
            chunks.back().pieces.push_back(current);
    }
    return chunks;
}

void place(Line& line, const std::vector<const Word*>& words, double width, Align align,
           bool last) {
    double natural = 0;
    int gaps = 0;
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (k > 0) natural += words[k]->space;
        if (k > 0 && words[k]->space > 0) ++gaps;
        natural += words[k]->width;
    }
    line.width = natural;
    double x = 0, extra = 0;
    if (align == Align::right) x = width - natural;
    if (align == Align::center) x = (width - natural) / 2;
    if (align == Align::justify && !last && gaps > 0) extra = (width - natural) / gaps;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const Word& word = *words[k];
        bool gap = k > 0 && word.space > 0;
        if (gap) x += word.space + extra;
        for (const Piece& piece : word.pieces) {
            line.max_size = std::max(line.max_size, piece.style->size);
            Fragment* previous = line.fragments.empty() ? nullptr : &line.fragments.back();
            // One fragment per style while the text runs on, spaces kept inside it; on a spread
            // (justified) line every word is placed on its own.
            bool first_piece = &piece == &word.pieces.front();
            bool same = previous && piece.anchor.empty() && previous->style == *piece.style;
            if (same && gap && first_piece && extra == 0) {
                previous->text += ' ';
                previous->text += piece.text;
                previous->width += word.space + piece.width;
            } else if (same && !(gap && first_piece)) {
                previous->text += piece.text;
                previous->width += piece.width;
            } else {
                line.fragments.push_back({piece.text, *piece.style, x, piece.width, piece.anchor});
            }
            x += piece.width;
        }
    }
}

}  // namespace

std::vector<Line> break_lines(const std::vector<Run>& runs, double width, const Measure& measure,
                              Align align) {
    std::vector<Word> words;
    for (Word& word : split_words(runs, measure)) {
        if (word.width > width) {
            for (Word& chunk : split_long_word(word, width, measure)) words.push_back(chunk);
        } else {
            words.push_back(std::move(word));
        }
    }
    std::vector<Line> lines;
    if (words.empty()) return lines;
    std::vector<const Word*> current;
    double current_width = 0;
    auto flush = [&](bool last, bool hard) {
        lines.push_back({});
        lines.back().hard_break = hard;
        place(lines.back(), current, width, align, last || hard);
        current.clear();
        current_width = 0;
    };
    for (const Word& word : words) {
        if (word.break_before) {
            flush(false, true);
        } else if (!current.empty() && current_width + word.space + word.width > width + 1e-6) {
            flush(false, false);
        }
        current_width += (current.empty() ? 0 : word.space) + word.width;
        current.push_back(&word);
    }
    flush(true, false);
    return lines;
}

RunWidths measure_runs(const std::vector<Run>& runs, const Measure& measure) {
    RunWidths widths;
    std::vector<Word> words = split_words(runs, measure);
    for (std::size_t k = 0; k < words.size(); ++k) {
        widths.natural += (k > 0 ? words[k].space : 0) + words[k].width;
        widths.widest_word = std::max(widths.widest_word, words[k].width);
    }
    return widths;
}

std::string line_text(const Line& line) {
    std::string text;
    double end = 0;
    for (const Fragment& fragment : line.fragments) {
        if (!text.empty() && fragment.x > end + 0.01) text += ' ';
        text += fragment.text;
        end = fragment.x + fragment.width;
    }
    return text;
}

}  // namespace boardpress::pdf
