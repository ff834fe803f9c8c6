#include "core/demo/names.h"

#include <vector>

namespace nuanxin::demo {
namespace {

// Common surnames, roughly in order of frequency (the first ones are drawn more often).
const std::vector<std::string> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
    "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
    "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏",
    "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "廖"};
const std::vector<std::string> kDoubleSurnames = {"欧阳", "司马", "上官", "诸葛"};

const std::vector<std::string> kGivenMale = {
    "伟", "强", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "建", "国", "志", "文",
    "斌", "海", "林", "峰", "磊", "鹏", "华", "春", "德", "富", "贵", "福", "全", "成", "宝"};
const std::vector<std::string> kGivenFemale = {
    "芳", "娟", "敏", "静", "丽", "艳", "秀", "英", "玲", "桂", "兰", "霞", "燕", "萍", "红",
    "梅", "琴", "云", "莲", "珍", "凤", "淑", "慧", "婷", "雪", "洁", "佳", "欣", "月", "春"};
const std::vector<std::string> kGivenAny = {"子", "小", "家", "晓", "新", "永", "玉", "金",
                                            "长", "天", "一", "宇", "思", "安", "乐"};

const std::vector<std::string> kPlaceA = {
    "青石", "柳树", "杨家", "李家", "白马", "石桥", "桃花", "清水", "东山", "西坪",
    "南河", "北岭", "黄土", "红星", "向阳", "团结", "新民", "和平", "长乐", "太平",
    "双河", "三合", "五里", "牛角", "龙泉", "凤鸣", "马鞍", "鹤鸣", "金鸡", "银杏"};
const std::vector<std::string> kRoads = {"建设路", "人民路", "解放路", "文化路", "胜利路", "中山路",
                                         "新华街", "光明街", "幸福路", "朝阳路", "民主路", "育才路",
                                         "顺城街", "滨河路", "东风路", "园林路"};
const std::vector<std::string> kCharityWords = {"暖阳", "春晖", "同心", "爱心", "仁和", "善行",
                                                "冬阳", "益众", "慈航", "微光", "蓝天", "雪中炭"};
const std::vector<std::string> kCharityKinds = {"公益基金会", "慈善会", "社会工作服务中心",
                                                "志愿服务协会", "爱心帮扶中心"};
const std::vector<std::string> kFirmWords = {"恒泰", "鑫源", "华晟", "宏达", "瑞丰", "嘉和",
                                             "汇通", "晋丰", "蜀兴", "冀安", "永盛", "丰禾"};
const std::vector<std::string> kFirmKinds = {"煤业有限公司", "商贸有限公司", "电器有限公司",
                                             "纺织有限公司", "食品有限公司", "实业集团有限公司"};

std::string number(Rng& rng, int lo, int hi) {
    return std::to_string(rng.range(lo, hi));
}

} // namespace

std::string concat(std::initializer_list<std::string> parts) {
    std::string out;
    for (const auto& p : parts) out += p;
    return out;
}

std::string personName(Rng& rng, bool male) {
    return concat({surname(rng), givenName(rng, male)});
}

std::string surname(Rng& rng) {
    if (rng.percent(2)) return rng.pick(kDoubleSurnames);
    // Two draws, keep the smaller index: favours the common surnames at the head of the list.
    const auto a = rng.below(kSurnames.size());
    const auto b = rng.below(kSurnames.size());
    return kSurnames[static_cast<std::size_t>(a < b ? a : b)];
}

std::string givenName(Rng& rng, bool male) {
    const auto& own = male ? kGivenMale : kGivenFemale;
    if (rng.percent(30)) return rng.pick(own);
    const std::string first = rng.percent(40) ? rng.pick(kGivenAny) : rng.pick(own);
    return concat({first, rng.pick(own)});
}

std::string township(Rng& rng) {
    return concat({rng.pick(kPlaceA), rng.percent(70) ? "镇" : "乡"});
}

std::string address(Rng& rng) {
    if (rng.percent(65)) {
        return concat({township(rng), rng.pick(kPlaceA), "村", number(rng, 1, 12), "组",
                       number(rng, 1, 120), "号"});
    }
    return concat({rng.pick(kPlaceA), "街道", rng.pick(kRoads), number(rng, 1, 300), "号",
                   number(rng, 1, 8), "单元", number(rng, 1, 7), "0", number(rng, 1, 4)});
}

std::string charityName(Rng& rng) {
    return concat({rng.pick(kCharityWords), rng.pick(kCharityKinds)});
}

std::string enterpriseName(Rng& rng) {
    return concat({rng.pick(kFirmWords), rng.pick(kFirmKinds)});
}

std::string mobile(Rng& rng) {
    std::string out = "1";
    out += static_cast<char>('0' + rng.range(3, 9));
    for (int i = 0; i < 9; ++i) out += static_cast<char>('0' + rng.range(0, 9));
    return out;
}

} // namespace nuanxin::demo
