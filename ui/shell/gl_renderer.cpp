#include "ui/shell/gl_renderer.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#if defined(__EMSCRIPTEN__)
#include <GLES3/gl3.h>
#else
// Mesa's (and GLVND's) libGL exports the OpenGL 3 entry points: no loader needed on Linux.
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#endif

namespace nuanxin {
namespace {

// The vertex attributes' numbers, bound before linking.
constexpr GLuint kPosition = 0;
constexpr GLuint kUv = 1;
constexpr GLuint kColour = 2;

// One source for GLSL 1.30 (desktop GL 3.0), 3.30 and 3.00 ES (WebGL 2): in/out variables and
// texture() exist in all three; ES alone wants default precisions.
constexpr const char* kVertexBody = R"(
uniform mat4 ProjMtx;
in vec2 Position;
in vec2 UV;
in vec4 Color;
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    gl_Position = ProjMtx * vec4(Position.xy, 0.0, 1.0);
}
)";
constexpr const char* kFragmentBody = R"(
uniform sampler2D Texture;
in vec2 Frag_UV;
in vec4 Frag_Color;
out vec4 Out_Color;
void main() {
    Out_Color = Frag_Color * texture(Texture, Frag_UV.st);
}
)";

bool compiled(GLuint shader, const char* what, std::string* error) {
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok == GL_TRUE) return true;
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(length > 0 ? length : 1), '\0');
    glGetShaderInfoLog(shader, static_cast<GLsizei>(log.size()), nullptr, log.data());
    if (error) *error = std::string(what) + " shader: " + log.data();
    return false;
}

GLuint shaderOf(GLenum type, const std::string& source, const char* what, std::string* error) {
    const GLuint shader = glCreateShader(type);
    const char* text = source.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    if (compiled(shader, what, error)) return shader;
    glDeleteShader(shader);
    return 0;
}

} // namespace

GlRenderer::~GlRenderer() { shutdown(); }

bool GlRenderer::init(const char* glslVersion, std::string* error) {
    const std::string version = std::string(glslVersion) + "\n";
    const bool es = std::strstr(glslVersion, " es") != nullptr;
    const std::string vertex = version + (es ? "precision highp float;\n" : "") + kVertexBody;
    const std::string fragment = version + (es ? "precision mediump float;\n" : "") + kFragmentBody;
    const GLuint vs = shaderOf(GL_VERTEX_SHADER, vertex, "vertex", error);
    const GLuint fs = vs != 0 ? shaderOf(GL_FRAGMENT_SHADER, fragment, "fragment", error) : 0;
    if (fs == 0) {
        if (vs != 0) glDeleteShader(vs);
        return false;
    }
    m_program = glCreateProgram();
    glAttachShader(m_program, vs);
    glAttachShader(m_program, fs);
    glBindAttribLocation(m_program, kPosition, "Position");
    glBindAttribLocation(m_program, kUv, "UV");
    glBindAttribLocation(m_program, kColour, "Color");
    glLinkProgram(m_program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint linked = GL_FALSE;
    glGetProgramiv(m_program, GL_LINK_STATUS, &linked);
    if (linked != GL_TRUE) {
        if (error) *error = "the ImGui program does not link";
        shutdown();
        return false;
    }
    m_projection = glGetUniformLocation(m_program, "ProjMtx");
    m_sampler = glGetUniformLocation(m_program, "Texture");

    // The vertex array remembers the buffers and the layout of ImDrawVert once for all frames.
    glGenVertexArrays(1, &m_vertexArray);
    glGenBuffers(1, &m_vertices);
    glGenBuffers(1, &m_indices);
    glBindVertexArray(m_vertexArray);
    glBindBuffer(GL_ARRAY_BUFFER, m_vertices);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_indices);
    constexpr auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glEnableVertexAttribArray(kPosition);
    glEnableVertexAttribArray(kUv);
    glEnableVertexAttribArray(kColour);
    glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColour, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<const void*>(offsetof(ImDrawVert, col)));
    // Left bound for good: nothing else draws in this context, and binding it again each frame
    // would cost the browser build a synchronous query (Emscripten reads the element buffer's
    // binding back after every glBindVertexArray).
    ImGui::GetIO().BackendRendererName = "nuanxin_gl";
    return true;
}

void GlRenderer::prepareFonts(int filter) {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    if (m_fontTexture == 0) {
        unsigned char* pixels = nullptr;
        int width = 0;
        int height = 0;
        atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
        glGenTextures(1, &m_fontTexture);
        glBindTexture(GL_TEXTURE_2D, m_fontTexture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
        atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(m_fontTexture)));
        m_fontFilter = 0;
    }
    if (filter == m_fontFilter) return;
    glBindTexture(GL_TEXTURE_2D, m_fontTexture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    m_fontFilter = filter;
}

void GlRenderer::setState(const ImDrawData& data) const {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    // An orthographic projection of ImGui's display rectangle, y down.
    const float l = data.DisplayPos.x;
    const float r = data.DisplayPos.x + data.DisplaySize.x;
    const float t = data.DisplayPos.y;
    const float b = data.DisplayPos.y + data.DisplaySize.y;
    const float projection[16] = {2.0f / (r - l), 0.0f, 0.0f, 0.0f,  0.0f, 2.0f / (t - b), 0.0f, 0.0f,
                                  0.0f, 0.0f, -1.0f, 0.0f,           (r + l) / (l - r), (t + b) / (b - t), 0.0f, 1.0f};
    glUseProgram(m_program);
    glUniform1i(m_sampler, 0);
    glUniformMatrix4fv(m_projection, 1, GL_FALSE, projection);
    glActiveTexture(GL_TEXTURE0);
    glBindBuffer(GL_ARRAY_BUFFER, m_vertices);
}

void GlRenderer::render(const ImDrawData& data) {
    const ImVec2 scale = data.FramebufferScale;
    const auto width = static_cast<int>(data.DisplaySize.x * scale.x);
    const auto height = static_cast<int>(data.DisplaySize.y * scale.y);
    if (width <= 0 || height <= 0 || m_program == 0) return;
    setState(data);
    constexpr GLenum indexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                     list.VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.IdxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                     list.IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback != nullptr) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
                    setState(data);
                } else {
                    cmd.UserCallback(&list, &cmd);
                }
                continue;
            }
            // The clip rectangle in framebuffer pixels; glScissor counts y from the bottom.
            const ImVec2 lo((cmd.ClipRect.x - data.DisplayPos.x) * scale.x, (cmd.ClipRect.y - data.DisplayPos.y) * scale.y);
            const ImVec2 hi((cmd.ClipRect.z - data.DisplayPos.x) * scale.x, (cmd.ClipRect.w - data.DisplayPos.y) * scale.y);
            if (hi.x <= lo.x || hi.y <= lo.y || cmd.ElemCount == 0) continue;
            glScissor(static_cast<int>(lo.x), static_cast<int>(static_cast<float>(height) - hi.y),
                      static_cast<int>(hi.x - lo.x), static_cast<int>(hi.y - lo.y));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), indexType,
                           reinterpret_cast<const void*>(static_cast<std::uintptr_t>(cmd.IdxOffset) * sizeof(ImDrawIdx)));
        }
    }
}

void GlRenderer::shutdown() {
    if (m_fontTexture != 0) {
        glDeleteTextures(1, &m_fontTexture);
        m_fontTexture = 0;
        if (ImGui::GetCurrentContext() != nullptr) ImGui::GetIO().Fonts->SetTexID(nullptr);
    }
    if (m_vertices != 0) glDeleteBuffers(1, &m_vertices);
    if (m_indices != 0) glDeleteBuffers(1, &m_indices);
    if (m_vertexArray != 0) glDeleteVertexArrays(1, &m_vertexArray);
    if (m_program != 0) glDeleteProgram(m_program);
    m_vertices = m_indices = m_vertexArray = m_program = 0;
}

} // namespace nuanxin
