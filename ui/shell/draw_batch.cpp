#include "ui/shell/draw_batch.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace nuanxin {
namespace {

/// A triangle clipped by four half-planes has at most 3 + 4 corners.
constexpr int kMaxCorners = 7;
/// The last index a 16-bit ImDrawIdx can address.
constexpr unsigned kMaxVertices = 65535;

/// A corner of a polygon being clipped: colour kept in floats until the end, so a corner cut
/// twice is rounded to 8 bits once.
struct Corner {
    ImVec2 pos;
    ImVec2 uv;
    std::array<float, 4> col;
};

/// A convex polygon while it is being clipped.
struct Polygon {
    std::array<Corner, kMaxCorners> v;
    int n = 0;
};

Corner cornerOf(const ImDrawVert& v) {
    Corner c{v.pos, v.uv, {}};
    for (std::size_t i = 0; i < 4; ++i) c.col[i] = static_cast<float>((v.col >> (8 * i)) & 0xFFu);
    return c;
}

ImDrawVert vertexOf(const Corner& c) {
    ImDrawVert v;
    v.pos = c.pos;
    v.uv = c.uv;
    v.col = 0;
    for (std::size_t i = 0; i < 4; ++i) v.col |= static_cast<ImU32>(std::lround(c.col[i])) << (8 * i);
    return v;
}

float along(const Corner& c, int axis) { return axis == 0 ? c.pos.x : c.pos.y; }

bool before(const Corner& a, const Corner& b) {
    return a.pos.x < b.pos.x || (a.pos.x == b.pos.x && a.pos.y < b.pos.y);
}

/// Where the edge (a, b) crosses the line `axis` = `at`. Computed from the edge's lesser end
/// whichever way round it is walked, so the two triangles sharing an edge get bit-identical
/// corners there and the edge stays watertight; the crossing coordinate is set exactly.
Corner crossing(const Corner& a, const Corner& b, int axis, float at) {
    const Corner& p = before(a, b) ? a : b;
    const Corner& q = before(a, b) ? b : a;
    const float t = (at - along(p, axis)) / (along(q, axis) - along(p, axis));
    Corner c;
    c.pos = ImVec2(p.pos.x + (q.pos.x - p.pos.x) * t, p.pos.y + (q.pos.y - p.pos.y) * t);
    (axis == 0 ? c.pos.x : c.pos.y) = at;
    c.uv = ImVec2(p.uv.x + (q.uv.x - p.uv.x) * t, p.uv.y + (q.uv.y - p.uv.y) * t);
    for (std::size_t i = 0; i < 4; ++i) c.col[i] = p.col[i] + (q.col[i] - p.col[i]) * t;
    return c;
}

/// Keeps the part of `p` on one side of the line `axis` = `at` (Sutherland-Hodgman, one edge of
/// the rectangle): coordinates >= at when `keepAbove`, else <= at.
Polygon clipAgainst(const Polygon& p, int axis, float at, bool keepAbove) {
    const auto kept = [&](const Corner& c) { return keepAbove ? along(c, axis) >= at : along(c, axis) <= at; };
    Polygon out;
    for (int i = 0; i < p.n; ++i) {
        const Corner& a = p.v[static_cast<std::size_t>(i)];
        const Corner& b = p.v[static_cast<std::size_t>((i + 1) % p.n)];
        if (kept(a)) out.v[static_cast<std::size_t>(out.n++)] = a;
        // Strictly across the line: an end lying on it is kept as it is, not repeated.
        if (kept(a) != kept(b) && along(a, axis) != at && along(b, axis) != at) {
            out.v[static_cast<std::size_t>(out.n++)] = crossing(a, b, axis, at);
        }
    }
    return out;
}

float alphaOf(const ImDrawVert& v) { return static_cast<float>((v.col >> IM_COL32_A_SHIFT) & 0xFFu); }

/// Rasterisers snap vertices to a sub-pixel grid (1/16 of a pixel in SwiftShader, 1/256 in
/// llvmpipe), which moves a corner by up to half a step.
constexpr float kSnap = 1.0f / 32.0f;

/// One side of a shape's bounding box along one axis, and whether a corner on it is visible.
/// A side whose corners are all transparent is open: a fragment on it has alpha 0, which the
/// renderer's blending (SRC_ALPHA, ONE_MINUS_SRC_ALPHA; ONE, ONE_MINUS_SRC_ALPHA) leaves as it
/// was. That is the outer edge of ImGui's anti-aliasing fringes, half a pixel beyond a shape.
struct Side {
    float at = 0.0f;
    bool closed = false;
    void take(float x, bool visible, bool firstCorner, bool low) {
        if (firstCorner || (low ? x < at : x > at)) {
            at = x;
            closed = visible;
        } else if (x == at) {
            closed = closed || visible;
        }
    }
    /// The first pixel whose centre (k + 0.5) lies on or after a low side.
    [[nodiscard]] int first() const {
        return closed ? static_cast<int>(std::ceil(at - 0.5f - kSnap)) : static_cast<int>(std::floor(at - 0.5f)) + 1;
    }
    /// The last pixel whose centre lies on or before a high side.
    [[nodiscard]] int last() const {
        return closed ? static_cast<int>(std::floor(at - 0.5f + kSnap)) : static_cast<int>(std::ceil(at - 0.5f)) - 1;
    }
};

bool inside(const ImDrawVert& v, const ImVec4& r) {
    return v.pos.x >= r.x && v.pos.x <= r.z && v.pos.y >= r.y && v.pos.y <= r.w;
}

/// The rectangle GlRenderer's glScissor lets through for `cmd`, in whole framebuffer
/// pixels (the same float-to-int conversions), given back in ImGui's coordinates.
ImVec4 scissorOf(const ImDrawCmd& cmd, const ImDrawData& data) {
    const ImVec2 off = data.DisplayPos;
    const ImVec2 scale = data.FramebufferScale;
    const auto fbHeight = static_cast<int>(data.DisplaySize.y * scale.y);
    const ImVec2 lo((cmd.ClipRect.x - off.x) * scale.x, (cmd.ClipRect.y - off.y) * scale.y);
    const ImVec2 hi((cmd.ClipRect.z - off.x) * scale.x, (cmd.ClipRect.w - off.y) * scale.y);
    if (hi.x <= lo.x || hi.y <= lo.y) return ImVec4(0, 0, -1, -1);
    const auto x = static_cast<int>(lo.x);
    const auto w = static_cast<int>(hi.x - lo.x);
    const auto yGl = static_cast<int>(static_cast<float>(fbHeight) - hi.y);
    const auto h = static_cast<int>(hi.y - lo.y);
    const int top = fbHeight - (yGl + h);
    return ImVec4(static_cast<float>(x) / scale.x + off.x, static_cast<float>(top) / scale.y + off.y,
                  static_cast<float>(x + w) / scale.x + off.x,
                  static_cast<float>(top + h) / scale.y + off.y);
}

} // namespace

ImDrawList& DrawBatcher::nextList() {
    if (m_used.size() == m_lists.size()) {
        m_lists.push_back(std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData()));
    }
    ImDrawList& list = *m_lists[m_used.size()];
    list.CmdBuffer.resize(0);
    list.IdxBuffer.resize(0);
    list.VtxBuffer.resize(0);
    m_used.push_back(&list);
    return list;
}

void DrawBatcher::ensureCommand(ImTextureID texture, unsigned room) {
    if (m_current == nullptr || static_cast<unsigned>(m_current->VtxBuffer.Size) + room > kMaxVertices + 1) {
        m_current = &nextList();
        ++m_epoch;
    }
    ImVector<ImDrawCmd>& cmds = m_current->CmdBuffer;
    if (cmds.Size > 0 && cmds.back().UserCallback == nullptr && cmds.back().TextureId == texture) return;
    ImDrawCmd cmd;
    cmd.ClipRect = m_viewport;
    cmd.TextureId = texture;
    cmd.IdxOffset = static_cast<unsigned>(m_current->IdxBuffer.Size);
    cmds.push_back(cmd);
}

void DrawBatcher::emitTriangle(const ImDrawVert* const* tri, const ImVec4& clip) {
    Polygon p;
    for (std::size_t i = 0; i < 3; ++i) p.v[i] = cornerOf(*tri[i]);
    p.n = 3;
    p = clipAgainst(p, 0, clip.x, true);
    if (p.n >= 3) p = clipAgainst(p, 0, clip.z, false);
    if (p.n >= 3) p = clipAgainst(p, 1, clip.y, true);
    if (p.n >= 3) p = clipAgainst(p, 1, clip.w, false);
    if (p.n < 3) return;
    if (m_filling) {
        std::array<ImVec2, kMaxCorners> pos{};
        std::array<float, kMaxCorners> alpha{};
        for (std::size_t i = 0; i < static_cast<std::size_t>(p.n); ++i) {
            pos[i] = p.v[i].pos;
            alpha[i] = p.v[i].col[3];
        }
        drawn(pos.data(), alpha.data(), p.n);
    }
    ensureCommand(m_texture, static_cast<unsigned>(p.n));
    const auto first = static_cast<ImDrawIdx>(m_current->VtxBuffer.Size);
    for (int i = 0; i < p.n; ++i) m_current->VtxBuffer.push_back(vertexOf(p.v[static_cast<std::size_t>(i)]));
    for (int i = 1; i + 1 < p.n; ++i) {
        m_current->IdxBuffer.push_back(first);
        m_current->IdxBuffer.push_back(static_cast<ImDrawIdx>(first + i));
        m_current->IdxBuffer.push_back(static_cast<ImDrawIdx>(first + i + 1));
    }
    m_current->CmdBuffer.back().ElemCount += static_cast<unsigned>(3 * (p.n - 2));
}

void DrawBatcher::clipCommand(const ImDrawList& list, const ImDrawCmd& cmd, const ImVec4& clip) {
    m_texture = cmd.TextureId;
    ++m_epoch; // the source's vertex numbers start over for each command
    if (m_remap.size() < static_cast<std::size_t>(list.VtxBuffer.Size)) {
        m_remap.resize(static_cast<std::size_t>(list.VtxBuffer.Size));
        m_stamp.resize(static_cast<std::size_t>(list.VtxBuffer.Size), 0);
    }
    const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
    const bool solid = m_filling && cmd.TextureId == m_white.texture;
    for (unsigned t = 0; t + 2 < cmd.ElemCount; t += 3) {
        if (solid && t + 5 < cmd.ElemCount && takeFill(list, cmd, t, clip)) {
            t += 3; // both triangles of the rectangle
            continue;
        }
        std::array<unsigned, 3> src{};
        std::array<const ImDrawVert*, 3> tri{};
        for (std::size_t k = 0; k < 3; ++k) {
            src[k] = static_cast<unsigned>(idx[t + k]) + cmd.VtxOffset;
            tri[k] = &list.VtxBuffer.Data[src[k]];
        }
        if (!(inside(*tri[0], clip) && inside(*tri[1], clip) && inside(*tri[2], clip))) {
            emitTriangle(tri.data(), clip);
            continue;
        }
        // Wholly inside: copied as it is, each source vertex once per command and list.
        if (m_filling) {
            const ImVec2 pos[3] = {tri[0]->pos, tri[1]->pos, tri[2]->pos};
            const float alpha[3] = {alphaOf(*tri[0]), alphaOf(*tri[1]), alphaOf(*tri[2])};
            drawn(pos, alpha, 3);
        }
        ensureCommand(m_texture, 3);
        for (std::size_t k = 0; k < 3; ++k) {
            if (m_stamp[src[k]] != m_epoch) {
                m_stamp[src[k]] = m_epoch;
                m_remap[src[k]] = static_cast<ImDrawIdx>(m_current->VtxBuffer.Size);
                m_current->VtxBuffer.push_back(*tri[k]);
            }
            m_current->IdxBuffer.push_back(m_remap[src[k]]);
        }
        m_current->CmdBuffer.back().ElemCount += 3;
    }
}

void DrawBatcher::drawn(const ImVec2* pos, const float* alpha, int n) {
    std::array<Side, 4> sides{}; // left, top, right, bottom in framebuffer pixels
    bool visible = false;
    for (int i = 0; i < n; ++i) {
        const float at[2] = {(pos[i].x - m_origin.x) * m_scale.x, (pos[i].y - m_origin.y) * m_scale.y};
        const bool seen = alpha[i] > 0.0f;
        visible = visible || seen;
        for (std::size_t axis = 0; axis < 2; ++axis) {
            sides[axis].take(at[axis], seen, i == 0, true);
            sides[axis + 2].take(at[axis], seen, i == 0, false);
        }
    }
    if (!visible) return; // wholly transparent: changes no pixel
    m_drawn.push_back(Span{sides[0].first(), sides[1].first(), sides[2].last(), sides[3].last()});
}

bool DrawBatcher::takeFill(const ImDrawList& list, const ImDrawCmd& cmd, unsigned first, const ImVec4& clip) {
    // ImGui's PrimRect: corners a, (c.x, a.y), c, (a.x, c.y), triangles (0 1 2) and (0 2 3).
    const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset + first;
    constexpr unsigned kShape[6] = {0, 1, 2, 0, 2, 3};
    for (std::size_t k = 0; k < 6; ++k) {
        if (idx[k] != idx[0] + kShape[k]) return false;
    }
    const ImDrawVert* v = list.VtxBuffer.Data + cmd.VtxOffset + idx[0];
    if (v[1].pos.x != v[2].pos.x || v[1].pos.y != v[0].pos.y || v[3].pos.x != v[0].pos.x ||
        v[3].pos.y != v[2].pos.y) {
        return false;
    }
    for (std::size_t k = 0; k < 4; ++k) {
        if (v[k].col != v[0].col || v[k].uv.x != m_white.uv.x || v[k].uv.y != m_white.uv.y) return false;
    }
    if (((v[0].col >> IM_COL32_A_SHIFT) & 0xFFu) != 0xFFu) return false;
    const ImVec4 r(std::max({std::min(v[0].pos.x, v[2].pos.x), clip.x, m_viewport.x}),
                   std::max({std::min(v[0].pos.y, v[2].pos.y), clip.y, m_viewport.y}),
                   std::min({std::max(v[0].pos.x, v[2].pos.x), clip.z, m_viewport.z}),
                   std::min({std::max(v[0].pos.y, v[2].pos.y), clip.w, m_viewport.w}));
    if (r.z <= r.x || r.w <= r.y) return true; // draws nothing
    // Whole pixels only: no pixel centre lies on an edge, where GL's tie rule would decide.
    const float px[4] = {(r.x - m_origin.x) * m_scale.x, (r.y - m_origin.y) * m_scale.y,
                         (r.z - m_origin.x) * m_scale.x, (r.w - m_origin.y) * m_scale.y};
    for (const float e : px) {
        if (e != std::floor(e) || std::fabs(e) > 1e6f) return false;
    }
    if (m_drawn.size() > m_scanBudget) {
        m_filling = false; // spent: no more fills, nor spans to compare them with
        return false;
    }
    m_scanBudget -= m_drawn.size();
    // Nothing drawn earlier may change a pixel of it: the fill comes before every triangle.
    const Span fill{static_cast<int>(px[0]), static_cast<int>(px[1]), static_cast<int>(px[2]) - 1,
                    static_cast<int>(px[3]) - 1};
    for (const Span& d : m_drawn) {
        if (d.x0 <= fill.x1 && d.x1 >= fill.x0 && d.y0 <= fill.y1 && d.y1 >= fill.y0) return false;
    }
    m_fills.push_back(DrawFill{fill.x0, fill.y0, fill.x1 + 1, fill.y1 + 1, v[0].col});
    return true;
}

ImDrawData* DrawBatcher::fold(const ImDrawData& in, const WhiteTexel& white) {
    m_used.clear();
    m_current = nullptr;
    m_white = white;
    m_filling = white.texture != nullptr;
    m_origin = in.DisplayPos;
    m_scale = in.FramebufferScale;
    m_fills.clear();
    m_drawn.clear();
    m_scanBudget = kFillScanBudget;
    m_viewport = ImVec4(in.DisplayPos.x, in.DisplayPos.y, in.DisplayPos.x + in.DisplaySize.x,
                        in.DisplayPos.y + in.DisplaySize.y);
    for (int l = 0; l < in.CmdListsCount; ++l) {
        const ImDrawList& list = *in.CmdLists[l];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback != nullptr) {
                // Passed through in order; a callback needing its own list's data is not
                // something this app draws. It may draw anywhere: no fills after it.
                m_filling = false;
                if (m_current == nullptr) m_current = &nextList();
                m_current->CmdBuffer.push_back(cmd);
                m_current->CmdBuffer.back().IdxOffset = static_cast<unsigned>(m_current->IdxBuffer.Size);
                m_current->CmdBuffer.back().ElemCount = 0;
                continue;
            }
            const ImVec4 clip = scissorOf(cmd, in);
            if (clip.z <= clip.x || clip.w <= clip.y) continue;
            clipCommand(list, cmd, clip);
        }
    }
    m_out = in;
    m_out.CmdLists = m_used.data();
    m_out.CmdListsCount = static_cast<int>(m_used.size());
    m_out.TotalVtxCount = 0;
    m_out.TotalIdxCount = 0;
    for (const ImDrawList* list : m_used) {
        m_out.TotalVtxCount += list->VtxBuffer.Size;
        m_out.TotalIdxCount += list->IdxBuffer.Size;
    }
    return &m_out;
}

} // namespace nuanxin
