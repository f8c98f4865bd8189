/** The lead units seed 004's rows name, as the appendix prints them. */
export const NV = 'Phòng Nội vụ';
export const TP = 'Phòng Tư pháp';
export const VP = 'Văn phòng HĐND và UBND';
export const TCKH = 'Phòng Tài chính - Kế hoạch';
export const VHTT = 'Phòng Văn hóa và Thông tin';
export const ALL = 'Các cơ quan, đơn vị, UBND các xã.';
