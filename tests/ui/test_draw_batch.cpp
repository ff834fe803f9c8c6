// DrawBatcher (ui/shell/draw_batch.h) against a small reference rasteriser written here: for every
// pixel, the fragments GlRenderer (ui/shell/gl_renderer.h) would produce from ImGui's draw data
// (scissor per command, triangles in order) must be the fragments of the folded draw data (one
// scissor for everything) after the batcher's fills, in the same order, with the same texture,
// colour and texture coordinates. Fragments of alpha 0 are left out on both sides: under the
// renderer's blending they leave the pixel as it was.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <random>
#include <tuple>
#include <vector>

#include <imgui.h>

#include "ui/shell/draw_batch.h"

namespace {

using nuanxin::DrawBatcher;

/// ImGui's context for the batcher's draw lists, for one test.
struct Context {
    Context() { ImGui::CreateContext(); }
    ~Context() { ImGui::DestroyContext(); }
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
};

struct Fragment {
    std::uintptr_t texture;
    float r, g, b, a, u, v;
};

/// Edge function of (a, b) at p: positive on the left of a→b in a y-down frame.
double edge(double ax, double ay, double bx, double by, double px, double py) {
    return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
}

/// The top-left rule GL rasterisers use, so that a pixel centre on an edge two triangles share
/// belongs to exactly one of them. For a triangle of positive area in y-down coordinates.
bool ownsEdge(double ax, double ay, double bx, double by) {
    const double dx = bx - ax;
    const double dy = by - ay;
    return (dy == 0.0 && dx < 0.0) || dy > 0.0;
}

/// All fragments of `data` at each pixel of a framebuffer of its size, drawn as GlRenderer does:
/// commands in order, each clipped by glScissor with the renderer's arithmetic;
/// `fills` first, each a fragment of its colour from the white texel on every pixel it covers.
std::vector<std::vector<Fragment>> rasterise(const ImDrawData& data, const std::vector<nuanxin::DrawFill>& fills = {},
                                             const nuanxin::WhiteTexel& white = {}) {
    const ImVec2 scale = data.FramebufferScale;
    const int width = static_cast<int>(data.DisplaySize.x * scale.x);
    const int height = static_cast<int>(data.DisplaySize.y * scale.y);
    std::vector<std::vector<Fragment>> pixels(static_cast<std::size_t>(width * height));
    for (const nuanxin::DrawFill& f : fills) {
        const ImVec4 c = ImGui::ColorConvertU32ToFloat4(f.colour);
        const Fragment fragment{reinterpret_cast<std::uintptr_t>(white.texture), c.x * 255.0f, c.y * 255.0f,
                                c.z * 255.0f, c.w * 255.0f, white.uv.x, white.uv.y};
        for (int py = std::max(0, f.y0); py < std::min(height, f.y1); ++py) {
            for (int px = std::max(0, f.x0); px < std::min(width, f.x1); ++px) {
                pixels[static_cast<std::size_t>(py * width + px)].push_back(fragment);
            }
        }
    }
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback != nullptr) continue;
            const ImVec2 lo((cmd.ClipRect.x - data.DisplayPos.x) * scale.x, (cmd.ClipRect.y - data.DisplayPos.y) * scale.y);
            const ImVec2 hi((cmd.ClipRect.z - data.DisplayPos.x) * scale.x, (cmd.ClipRect.w - data.DisplayPos.y) * scale.y);
            if (hi.x <= lo.x || hi.y <= lo.y) continue;
            // glScissor(x, y, w, h) with y counted from the bottom, as the renderer sets it.
            const int sx = static_cast<int>(lo.x);
            const int sw = static_cast<int>(hi.x - lo.x);
            const int syGl = static_cast<int>(static_cast<float>(height) - hi.y);
            const int sh = static_cast<int>(hi.y - lo.y);
            const int sy = height - (syGl + sh);
            for (unsigned t = 0; t + 2 < cmd.ElemCount; t += 3) {
                const ImDrawVert* v[3];
                double x[3];
                double y[3];
                for (int k = 0; k < 3; ++k) {
                    v[k] = &list.VtxBuffer[static_cast<int>(list.IdxBuffer[static_cast<int>(cmd.IdxOffset + t) + k] + cmd.VtxOffset)];
                    x[k] = (static_cast<double>(v[k]->pos.x) - data.DisplayPos.x) * scale.x;
                    y[k] = (static_cast<double>(v[k]->pos.y) - data.DisplayPos.y) * scale.y;
                }
                double area = edge(x[0], y[0], x[1], y[1], x[2], y[2]);
                if (area == 0.0) continue;
                int order[3] = {0, 1, 2};
                if (area < 0.0) {
                    std::swap(order[1], order[2]);
                    area = -area;
                }
                for (int py = std::max(0, sy); py < std::min(height, sy + sh); ++py) {
                    for (int px = std::max(0, sx); px < std::min(width, sx + sw); ++px) {
                        const double cx = px + 0.5;
                        const double cy = py + 0.5;
                        double w[3];
                        bool in = true;
                        for (int k = 0; k < 3 && in; ++k) {
                            const int a = order[(k + 1) % 3];
                            const int b = order[(k + 2) % 3];
                            w[order[k]] = edge(x[a], y[a], x[b], y[b], cx, cy) / area;
                            in = w[order[k]] > 0.0 || (w[order[k]] == 0.0 && ownsEdge(x[a], y[a], x[b], y[b]));
                        }
                        if (!in) continue;
                        Fragment f{reinterpret_cast<std::uintptr_t>(cmd.TextureId), 0, 0, 0, 0, 0, 0};
                        for (int k = 0; k < 3; ++k) {
                            const ImVec4 c = ImGui::ColorConvertU32ToFloat4(v[k]->col);
                            const auto wk = static_cast<float>(w[k]);
                            f.r += wk * c.x * 255.0f;
                            f.g += wk * c.y * 255.0f;
                            f.b += wk * c.z * 255.0f;
                            f.a += wk * c.w * 255.0f;
                            f.u += wk * v[k]->uv.x;
                            f.v += wk * v[k]->uv.y;
                        }
                        if (f.a == 0.0f) continue; // blended, changes nothing
                        pixels[static_cast<std::size_t>(py * width + px)].push_back(f);
                    }
                }
            }
        }
    }
    return pixels;
}

/// Same fragments pixel by pixel; colours within one step (a colour at a clipped corner is
/// rounded to 8 bits), texture coordinates within 1e-3.
void requireSamePicture(const ImDrawData& original, const ImDrawData& folded,
                        const std::vector<nuanxin::DrawFill>& fills = {}, const nuanxin::WhiteTexel& white = {}) {
    const auto a = rasterise(original);
    const auto b = rasterise(folded, fills, white);
    BOOST_REQUIRE_EQUAL(a.size(), b.size());
    std::size_t fragments = 0;
    for (std::size_t p = 0; p < a.size(); ++p) {
        BOOST_REQUIRE_MESSAGE(a[p].size() == b[p].size(), "pixel " << p << ": " << a[p].size()
                                                                   << " fragments before, " << b[p].size() << " after");
        for (std::size_t i = 0; i < a[p].size(); ++i) {
            const Fragment& x = a[p][i];
            const Fragment& y = b[p][i];
            BOOST_REQUIRE_EQUAL(x.texture, y.texture);
            const float before[4] = {x.r, x.g, x.b, x.a};
            const float after[4] = {y.r, y.g, y.b, y.a};
            for (int c = 0; c < 4; ++c) {
                BOOST_REQUIRE_MESSAGE(std::fabs(before[c] - after[c]) <= 1.0f,
                                      "pixel " << p << " channel " << c << ": " << before[c] << " vs " << after[c]);
            }
            BOOST_REQUIRE_SMALL(x.u - y.u, 1e-3f);
            BOOST_REQUIRE_SMALL(x.v - y.v, 1e-3f);
        }
        fragments += a[p].size();
    }
    BOOST_TEST_MESSAGE(fragments << " fragments compared");
}

ImDrawVert vertex(float x, float y, float u, float v, ImU32 col) {
    ImDrawVert out;
    out.pos = ImVec2(x, y);
    out.uv = ImVec2(u, v);
    out.col = col;
    return out;
}

/// Appends a command of `tris` triangles (3 vertices each) to `list`.
void addCommand(ImDrawList& list, const ImVec4& clip, ImTextureID texture, const std::vector<ImDrawVert>& tris) {
    ImDrawCmd cmd;
    cmd.ClipRect = clip;
    cmd.TextureId = texture;
    cmd.IdxOffset = static_cast<unsigned>(list.IdxBuffer.Size);
    cmd.ElemCount = static_cast<unsigned>(tris.size());
    for (const ImDrawVert& v : tris) {
        list.IdxBuffer.push_back(static_cast<ImDrawIdx>(list.VtxBuffer.Size));
        list.VtxBuffer.push_back(v);
    }
    list.CmdBuffer.push_back(cmd);
}

/// Appends an axis-aligned quad as ImGui draws one (4 shared vertices, 2 triangles), its texture
/// coordinates from `uv`'s corners.
void addQuad(ImDrawList& list, const ImVec4& clip, ImTextureID texture, const ImVec4& r, ImU32 col,
             const ImVec4& uv = ImVec4(0.0f, 0.0f, 1.0f, 1.0f)) {
    ImDrawCmd cmd;
    cmd.ClipRect = clip;
    cmd.TextureId = texture;
    cmd.IdxOffset = static_cast<unsigned>(list.IdxBuffer.Size);
    cmd.ElemCount = 6;
    const auto base = static_cast<ImDrawIdx>(list.VtxBuffer.Size);
    list.VtxBuffer.push_back(vertex(r.x, r.y, uv.x, uv.y, col));
    list.VtxBuffer.push_back(vertex(r.z, r.y, uv.z, uv.y, col));
    list.VtxBuffer.push_back(vertex(r.z, r.w, uv.z, uv.w, col));
    list.VtxBuffer.push_back(vertex(r.x, r.w, uv.x, uv.w, col));
    for (int i : {0, 1, 2, 0, 2, 3}) list.IdxBuffer.push_back(static_cast<ImDrawIdx>(base + i));
    list.CmdBuffer.push_back(cmd);
}

/// The draw lists of one test frame.
struct Lists {
    std::vector<std::unique_ptr<ImDrawList>> owned;
    std::vector<ImDrawList*> lists;

    ImDrawList& add() {
        owned.push_back(std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData()));
        lists.push_back(owned.back().get());
        return *lists.back();
    }
};

ImDrawData frameOf(Lists& frame, ImVec2 pos, ImVec2 size, ImVec2 scale) {
    std::vector<ImDrawList*>& lists = frame.lists;
    ImDrawData data;
    data.Valid = true;
    data.CmdLists = lists.data();
    data.CmdListsCount = static_cast<int>(lists.size());
    data.DisplayPos = pos;
    data.DisplaySize = size;
    data.FramebufferScale = scale;
    for (const ImDrawList* l : lists) {
        data.TotalVtxCount += l->VtxBuffer.Size;
        data.TotalIdxCount += l->IdxBuffer.Size;
    }
    return data;
}

ImTextureID texture(std::uintptr_t id) { return reinterpret_cast<ImTextureID>(id); }

/// The white texel of the fill tests: texture 1 at (0.25, 0.75).
const nuanxin::WhiteTexel kWhite{reinterpret_cast<ImTextureID>(std::uintptr_t{1}), ImVec2(0.25f, 0.75f)};

/// A solid rectangle as ImGui's AddRectFilled draws one: a quad from the white texel.
void addSolid(ImDrawList& list, const ImVec4& clip, const ImVec4& r, ImU32 col) {
    addQuad(list, clip, kWhite.texture, r, col, ImVec4(kWhite.uv.x, kWhite.uv.y, kWhite.uv.x, kWhite.uv.y));
}

/// An anti-aliasing fringe as ImGui draws one along a vertical edge: a strip one pixel wide from
/// `inner` (the shape's colour) to `outer` (the same colour, alpha 0), from the white texel.
void addFringe(ImDrawList& list, const ImVec4& clip, float inner, float outer, float y0, float y1, ImU32 col) {
    const ImU32 clear = col & ~IM_COL32_A_MASK;
    std::vector<ImDrawVert> tris;
    for (const auto& [x, y, c] : {std::tuple{inner, y0, col}, std::tuple{outer, y0, clear}, std::tuple{outer, y1, clear},
                                  std::tuple{inner, y0, col}, std::tuple{outer, y1, clear}, std::tuple{inner, y1, col}}) {
        tris.push_back(vertex(x, y, kWhite.uv.x, kWhite.uv.y, c));
    }
    addCommand(list, clip, kWhite.texture, tris);
}

} // namespace

BOOST_AUTO_TEST_SUITE(draw_batch)

BOOST_AUTO_TEST_CASE(random_triangles_give_the_same_picture) {
    Context context;
    std::mt19937 rng(20261129);
    std::uniform_real_distribution<float> coord(-12.0f, 60.0f);
    std::uniform_int_distribution<int> edgeAt(-4, 52);
    std::uniform_int_distribution<unsigned> byte(0, 255);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    for (int round = 0; round < 150; ++round) {
        // Odd rounds: a window placed away from the origin on a display of scale 2.
        const bool scaled = round % 2 == 1;
        const ImVec2 pos = scaled ? ImVec2(100.0f, 40.0f) : ImVec2(0.0f, 0.0f);
        const ImVec2 size(48.0f, 40.0f);
        Lists lists;
        for (int l = 0; l < 3; ++l) {
            ImDrawList& list = lists.add();
            for (int c = 0; c < 3; ++c) {
                int x0 = edgeAt(rng);
                int x1 = edgeAt(rng);
                int y0 = edgeAt(rng);
                int y1 = edgeAt(rng);
                if (x0 > x1) std::swap(x0, x1);
                if (y0 > y1) std::swap(y0, y1); // some are empty: the renderer skips those
                const auto at = [](int v) { return static_cast<float>(v); };
                const ImVec4 clip(pos.x + at(x0) + (scaled ? 0.25f : 0.0f), pos.y + at(y0), pos.x + at(x1),
                                  pos.y + at(y1) + (scaled ? 0.75f : 0.0f));
                std::vector<ImDrawVert> tris;
                for (int t = 0; t < 3 * 6; ++t) {
                    tris.push_back(vertex(pos.x + coord(rng), pos.y + coord(rng), unit(rng), unit(rng),
                                          IM_COL32(byte(rng), byte(rng), byte(rng), byte(rng))));
                }
                addCommand(list, clip, texture(1 + static_cast<std::uintptr_t>(c % 2)), tris);
            }
        }
        const ImDrawData in = frameOf(lists, pos, size, scaled ? ImVec2(2.0f, 2.0f) : ImVec2(1.0f, 1.0f));
        DrawBatcher batcher;
        const ImDrawData* out = batcher.fold(in);
        requireSamePicture(in, *out);
        for (int l = 0; l < out->CmdListsCount; ++l) {
            for (const ImDrawCmd& cmd : out->CmdLists[l]->CmdBuffer) {
                BOOST_REQUIRE(cmd.ClipRect.x == pos.x && cmd.ClipRect.y == pos.y);
                BOOST_REQUIRE(cmd.ClipRect.z == pos.x + size.x && cmd.ClipRect.w == pos.y + size.y);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(text_like_quads_cut_by_the_scissor) {
    // Pixel-aligned quads sharing a diagonal, cut by clip rectangles through their middle: the
    // clipped polygons get new inner edges, which must neither double nor drop a pixel.
    Context context;
    Lists lists;
    ImDrawList& list = lists.add();
    for (int i = 0; i < 40; ++i) {
        const float x = static_cast<float>((i * 7) % 40);
        const float y = static_cast<float>((i * 11) % 30);
        const ImVec4 clip(static_cast<float>(i % 9), static_cast<float>(i % 7), 20.0f + static_cast<float>(i % 13), 17.0f + static_cast<float>(i % 5));
        addQuad(list, clip, texture(1), ImVec4(x, y, x + 9.0f, y + 13.0f), IM_COL32(40, 36, 33, 255 - i));
    }
    const ImDrawData in = frameOf(lists, ImVec2(0, 0), ImVec2(48, 40), ImVec2(1, 1));
    DrawBatcher batcher;
    const ImDrawData* out = batcher.fold(in);
    requireSamePicture(in, *out);
    // One texture, no callbacks: one draw call.
    BOOST_TEST(out->CmdListsCount == 1);
    BOOST_TEST(out->CmdLists[0]->CmdBuffer.Size == 1);
}

BOOST_AUTO_TEST_CASE(batches_split_by_texture_and_at_the_index_limit) {
    Context context;
    Lists lists;
    // 30,000 quads wholly inside: 120,000 vertices, more than 16-bit indices reach in one list.
    ImDrawList& first = lists.add();
    const ImVec4 all(0, 0, 64, 64);
    for (int i = 0; i < 30000; ++i) {
        const auto x = static_cast<float>(i % 60);
        addQuad(first, all, texture(1), ImVec4(x, 1, x + 2, 3), IM_COL32_WHITE);
    }
    // Then textures 2, 2, 1 in a second list: two more commands (the two 2s are one batch).
    ImDrawList& second = lists.add();
    addQuad(second, all, texture(2), ImVec4(5, 5, 9, 9), IM_COL32_WHITE);
    addQuad(second, all, texture(2), ImVec4(9, 5, 13, 9), IM_COL32_WHITE);
    addQuad(second, all, texture(1), ImVec4(5, 9, 9, 13), IM_COL32_WHITE);
    const ImDrawData in = frameOf(lists, ImVec2(0, 0), ImVec2(64, 64), ImVec2(1, 1));
    DrawBatcher batcher;
    const ImDrawData* out = batcher.fold(in);
    int commands = 0;
    long long triangles = 0;
    for (int l = 0; l < out->CmdListsCount; ++l) {
        const ImDrawList& list = *out->CmdLists[l];
        BOOST_REQUIRE_LE(list.VtxBuffer.Size, 65536);
        for (const ImDrawIdx i : list.IdxBuffer) BOOST_REQUIRE_LT(static_cast<int>(i), list.VtxBuffer.Size);
        commands += list.CmdBuffer.Size;
        for (const ImDrawCmd& cmd : list.CmdBuffer) triangles += cmd.ElemCount / 3;
    }
    BOOST_TEST(out->CmdListsCount == 2);  // 120,012 vertices: two lists of at most 65,536
    BOOST_TEST(commands == 2 + 2);        // texture 1 in each list, then 2, then 1 again
    BOOST_TEST(triangles == 2 * 30003);   // nothing lost, nothing doubled
    // Shared corners stay shared (a quad cut by the list boundary repeats its three).
    BOOST_TEST(out->TotalVtxCount <= 4 * 30003 + 3);
    requireSamePicture(in, *out);
}

BOOST_AUTO_TEST_CASE(callbacks_stay_in_order) {
    Context context;
    Lists lists;
    ImDrawList& list = lists.add();
    const ImVec4 all(0, 0, 16, 16);
    addQuad(list, all, texture(1), ImVec4(1, 1, 5, 5), IM_COL32_WHITE);
    ImDrawCmd callback;
    callback.UserCallback = ImDrawCallback_ResetRenderState;
    callback.IdxOffset = static_cast<unsigned>(list.IdxBuffer.Size);
    list.CmdBuffer.push_back(callback);
    addQuad(list, all, texture(1), ImVec4(6, 6, 9, 9), IM_COL32_WHITE);
    const ImDrawData in = frameOf(lists, ImVec2(0, 0), ImVec2(16, 16), ImVec2(1, 1));
    DrawBatcher batcher;
    const ImDrawData* out = batcher.fold(in);
    BOOST_REQUIRE_EQUAL(out->CmdListsCount, 1);
    const ImVector<ImDrawCmd>& cmds = out->CmdLists[0]->CmdBuffer;
    BOOST_REQUIRE_EQUAL(cmds.Size, 3); // quad, callback, quad: not merged across the callback
    BOOST_TEST(cmds[0].ElemCount == 6u);
    BOOST_TEST((cmds[1].UserCallback == ImDrawCallback_ResetRenderState));
    BOOST_TEST(cmds[2].ElemCount == 6u);
    BOOST_TEST(cmds[2].IdxOffset == 6u);
    requireSamePicture(in, *out);
}

BOOST_AUTO_TEST_CASE(what_becomes_a_fill) {
    Context context;
    Lists lists;
    ImDrawList& list = lists.add();
    const ImVec4 all(0, 0, 32, 32);
    const ImU32 red = IM_COL32(200, 40, 30, 255);
    addSolid(list, all, ImVec4(2, 2, 10, 10), red);                                   // A: a fill
    addQuad(list, all, kWhite.texture, ImVec4(12, 2, 20, 10), IM_COL32(9, 9, 9, 255)); // text-like
    addSolid(list, all, ImVec4(14, 4, 18, 8), red);                                    // B: on it
    addSolid(list, all, ImVec4(20, 2, 24, 10), red);                                   // C: touching
    addSolid(list, all, ImVec4(2, 12, 6, 14), IM_COL32(200, 40, 30, 254));            // translucent
    addQuad(list, all, kWhite.texture, ImVec4(2, 16, 6, 18), red, ImVec4(0.25f, 0.75f, 0.5f, 0.75f));
    addQuad(list, all, texture(2), ImVec4(2, 20, 6, 22), red,
            ImVec4(kWhite.uv.x, kWhite.uv.y, kWhite.uv.x, kWhite.uv.y)); // another texture
    addSolid(list, all, ImVec4(2.5f, 24, 6, 26), red);                                 // half pixel
    // Fringes ending on the last pixel centre of a rectangle: transparent there (D is a fill),
    // or visible there (E is not).
    addFringe(list, all, 24.5f, 23.5f, 12, 20, red);
    addSolid(list, all, ImVec4(16, 12, 24, 20), red);                                  // D
    addFringe(list, all, 24.5f, 25.5f, 21, 25, red);
    addSolid(list, all, ImVec4(16, 21, 25, 25), red);                                  // E
    addSolid(list, ImVec4(0, 0, 30, 31), ImVec4(26, 26, 40, 40), IM_COL32(1, 2, 3, 255)); // F: clipped
    ImDrawCmd callback;
    callback.UserCallback = ImDrawCallback_ResetRenderState;
    callback.IdxOffset = static_cast<unsigned>(list.IdxBuffer.Size);
    list.CmdBuffer.push_back(callback);
    addSolid(list, all, ImVec4(8, 28, 12, 30), red); // after a callback
    const ImDrawData in = frameOf(lists, ImVec2(0, 0), ImVec2(32, 32), ImVec2(1, 1));
    DrawBatcher batcher;
    const ImDrawData* out = batcher.fold(in, kWhite);
    const std::vector<nuanxin::DrawFill>& fills = batcher.fills();
    BOOST_REQUIRE_EQUAL(fills.size(), 4u);
    const int expected[4][4] = {{2, 2, 10, 10}, {20, 2, 24, 10}, {16, 12, 24, 20}, {26, 26, 30, 31}};
    for (std::size_t i = 0; i < 4; ++i) {
        BOOST_TEST_CONTEXT("fill " << i) {
            BOOST_TEST(fills[i].x0 == expected[i][0]);
            BOOST_TEST(fills[i].y0 == expected[i][1]);
            BOOST_TEST(fills[i].x1 == expected[i][2]);
            BOOST_TEST(fills[i].y1 == expected[i][3]);
        }
    }
    BOOST_TEST(fills[0].colour == red);
    BOOST_TEST(fills[3].colour == IM_COL32(1, 2, 3, 255));
    requireSamePicture(in, *out, fills, kWhite);
    // Without a white texel nothing becomes a fill.
    DrawBatcher plain;
    requireSamePicture(in, *plain.fold(in));
    BOOST_TEST(plain.fills().empty());
}

BOOST_AUTO_TEST_CASE(fills_are_in_framebuffer_pixels) {
    // A window away from the origin on a display of scale 2: half points are whole pixels.
    Context context;
    Lists lists;
    const ImVec2 pos(100.0f, 40.0f);
    addSolid(lists.add(), ImVec4(100, 40, 124, 60), ImVec4(101.5f, 41.0f, 105.0f, 44.0f), IM_COL32(5, 6, 7, 255));
    const ImDrawData in = frameOf(lists, pos, ImVec2(24, 20), ImVec2(2, 2));
    DrawBatcher batcher;
    const ImDrawData* out = batcher.fold(in, kWhite);
    BOOST_REQUIRE_EQUAL(batcher.fills().size(), 1u);
    const nuanxin::DrawFill& f = batcher.fills()[0];
    BOOST_TEST(f.x0 == 3);
    BOOST_TEST(f.y0 == 2);
    BOOST_TEST(f.x1 == 10);
    BOOST_TEST(f.y1 == 8);
    requireSamePicture(in, *out, batcher.fills(), kWhite);
}

BOOST_AUTO_TEST_CASE(fills_stop_at_the_scan_budget_and_the_picture_stays) {
    // 3,000 small triangles below, then 200 one-pixel rectangles above that none of them reach:
    // each rectangle is compared with the 3,000, so the budget runs out after budget / 3,000.
    Context context;
    Lists lists;
    ImDrawList& list = lists.add();
    const ImVec4 all(0, 0, 48, 40);
    std::vector<ImDrawVert> tris;
    for (int t = 0; t < 3000; ++t) {
        const auto x = static_cast<float>(t % 46);
        const auto y = 20.0f + static_cast<float>(t % 17);
        for (const ImVec2 p : {ImVec2(x, y), ImVec2(x + 2, y), ImVec2(x, y + 2)}) {
            tris.push_back(vertex(p.x, p.y, 0.5f, 0.5f, IM_COL32(10, 20, 30, 128)));
        }
    }
    addCommand(list, all, texture(2), tris);
    for (int i = 0; i < 200; ++i) {
        const auto x = static_cast<float>(i % 48);
        const auto y = static_cast<float>(i / 48);
        addSolid(list, all, ImVec4(x, y, x + 1, y + 1), IM_COL32(200, 40, 30, 255));
    }
    const ImDrawData in = frameOf(lists, ImVec2(0, 0), ImVec2(48, 40), ImVec2(1, 1));
    DrawBatcher batcher;
    const ImDrawData* out = batcher.fold(in, kWhite);
    BOOST_TEST(batcher.fills().size() == DrawBatcher::kFillScanBudget / 3000);
    requireSamePicture(in, *out, batcher.fills(), kWhite);
}

BOOST_AUTO_TEST_CASE(random_rectangles_fringes_and_triangles_give_the_same_picture_with_fills) {
    Context context;
    std::mt19937 rng(29112026);
    std::uniform_int_distribution<int> at(-3, 44);
    std::uniform_int_distribution<int> pick(0, 9);
    std::uniform_int_distribution<unsigned> byte(0, 255);
    std::uniform_real_distribution<float> coord(-4.0f, 48.0f);
    int opaque = 0;
    std::size_t filled = 0;
    for (int round = 0; round < 200; ++round) {
        const bool scaled = round % 2 == 1;
        const ImVec2 pos = scaled ? ImVec2(100.0f, 40.0f) : ImVec2(0.0f, 0.0f);
        const float step = scaled ? 0.5f : 1.0f; // whole framebuffer pixels
        const auto grid = [&](int v) { return static_cast<float>(v) * step; };
        Lists lists;
        for (int l = 0; l < 2; ++l) {
            ImDrawList& list = lists.add();
            for (int item = 0; item < 10; ++item) {
                int x0 = at(rng), x1 = at(rng), y0 = at(rng), y1 = at(rng);
                if (x0 > x1) std::swap(x0, x1);
                if (y0 > y1) std::swap(y0, y1);
                const ImVec4 clip = pick(rng) < 7 ? ImVec4(pos.x, pos.y, pos.x + 44, pos.y + 44)
                                                  : ImVec4(pos.x + grid(x0), pos.y + grid(y0), pos.x + 44, pos.y + grid(y1) + 0.25f);
                const int kind = pick(rng);
                const ImU32 col = IM_COL32(byte(rng), byte(rng), byte(rng), kind < 5 ? 255 : byte(rng));
                const float left = pos.x + grid(at(rng));
                const float top = pos.y + grid(at(rng));
                const ImVec4 rect(left, top, left + grid(1 + pick(rng) * 2), top + grid(1 + pick(rng) * 2));
                if (kind < 6) {
                    // Some a half pixel off the grid: never a fill.
                    const float off = pick(rng) == 0 ? 0.5f * step : 0.0f;
                    addSolid(list, clip, ImVec4(rect.x + off, rect.y, rect.z, rect.w), col);
                    opaque += (col >> IM_COL32_A_SHIFT) == 255 ? 1 : 0;
                } else if (kind < 8) {
                    const float x = rect.x + 0.5f * step;
                    const float dir = pick(rng) < 5 ? step : -step;
                    addFringe(list, clip, x, x + dir, rect.y, rect.w, col | IM_COL32_A_MASK);
                } else {
                    std::vector<ImDrawVert> tris;
                    for (int k = 0; k < 3; ++k) {
                        tris.push_back(vertex(pos.x + coord(rng) * step, pos.y + coord(rng) * step, 0.5f, 0.5f, col));
                    }
                    addCommand(list, clip, texture(1 + static_cast<std::uintptr_t>(pick(rng) % 2)), tris);
                }
            }
        }
        const ImDrawData in = frameOf(lists, pos, ImVec2(44, 44), scaled ? ImVec2(2.0f, 2.0f) : ImVec2(1.0f, 1.0f));
        DrawBatcher batcher;
        const ImDrawData* out = batcher.fold(in, kWhite);
        requireSamePicture(in, *out, batcher.fills(), kWhite);
        filled += batcher.fills().size();
    }
    // Both ways taken many times: rectangles filled, and rectangles kept as triangles.
    BOOST_TEST_MESSAGE(filled << " of " << opaque << " opaque rectangles filled");
    BOOST_TEST(filled > 200u);
    BOOST_TEST(filled + 200 < static_cast<std::size_t>(opaque));
}

BOOST_AUTO_TEST_SUITE_END()
