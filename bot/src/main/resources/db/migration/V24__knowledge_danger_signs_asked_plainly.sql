-- "bầu mấy tháng rồi thấy dấu hiệu gì thì phải đi viện ngay" found no answer: the danger-signs entry needed "dấu
-- hiệu nguy hiểm" word for word. Its keywords now take "dấu hiệu gì / nào", as knowledge/faq-vi.yml ships them;
-- only where they are still as shipped and no coordinator has edited the entry.
update knowledge_entry set keywords = 'dấu hiệu nguy hiểm, dấu hiệu gì, dấu hiệu nào, thấy dấu hiệu, nguy hiểm, bất thường, ra máu, chảy máu, đau đầu, mờ mắt, sốt, vỡ ối, ra nước, thai máy ít, thai không máy, không thấy đạp, con không đạp, đạp ít, đau bụng, co giật, bị phù, phù chân, phù mặt'
where question = 'Khi mang thai, dấu hiệu nào là nguy hiểm?' and keywords = 'dấu hiệu nguy hiểm, nguy hiểm, bất thường, ra máu, chảy máu, đau đầu, mờ mắt, sốt, vỡ ối, ra nước, thai máy ít, thai không máy, không thấy đạp, con không đạp, đạp ít, đau bụng, co giật, bị phù, phù chân, phù mặt' and updated_by is null;
