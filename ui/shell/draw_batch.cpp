#include "ui/shell/draw_batch.h"

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

bool inside(const ImDrawVert& v, const ImVec4& r) {
    return v.pos.x >= r.x && v.pos.x <= r.z && v.pos.y >= r.y && v.pos.y <= r.w;
}

/// The rectangle the OpenGL3 backend's glScissor lets through for `cmd`, in whole framebuffer
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
    for (unsigned t = 0; t + 2 < cmd.ElemCount; t += 3) {
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

ImDrawData* DrawBatcher::fold(const ImDrawData& in) {
    m_used.clear();
    m_current = nullptr;
    m_viewport = ImVec4(in.DisplayPos.x, in.DisplayPos.y, in.DisplayPos.x + in.DisplaySize.x,
                        in.DisplayPos.y + in.DisplaySize.y);
    for (int l = 0; l < in.CmdListsCount; ++l) {
        const ImDrawList& list = *in.CmdLists[l];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback != nullptr) {
                // Passed through in order; a callback needing its own list's data is not
                // something this app draws.
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
